using Google.Protobuf;

namespace Dua.Web.Components;

/// <summary>Protobuf messages as the text a page's persisted state holds: the contract's own JSON form.</summary>
public static class ProtoState
{
    public static string Of(IMessage message) => JsonFormatter.Default.Format(message);

    public static string Of<T>(IEnumerable<T> messages) where T : IMessage =>
        System.Text.Json.JsonSerializer.Serialize(messages.Select(m => Of(m)).ToArray());

    public static T One<T>(string json) where T : IMessage<T>, new() => JsonParser.Default.Parse<T>(json);

    public static List<T> Many<T>(string json) where T : IMessage<T>, new() =>
        [.. (System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? []).Select(One<T>)];
}
