namespace Dua.Web.Presentation;

/// <summary>One bar of a chart: a withheld count has no value and is drawn as no bar at all, never as zero.</summary>
public sealed record ChartBar(string Label, long? Value)
{
    public string Text => Value is { } value ? SwedishFormat.Count(value) : SwedishFormat.Withheld;

    public static ChartBar Of(string label, Dua.Contracts.V1.PersonCount? count) =>
        new(label, count is null || count.Suppressed ? null : count.Value);
}
