using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dua.Silo.Statistics;

/// <summary>Lists where two summaries differ, field by field, leaving out when each held ("as_of").</summary>
public static class SummaryDifferences
{
    private const string AsOf = "as_of";

    public static IReadOnlyList<string> Between(IMessage live, IMessage recount)
    {
        var differences = new List<string>();
        Compare(live, recount, "", differences);
        return differences;
    }

    private static void Compare(IMessage? a, IMessage? b, string path, List<string> differences)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                differences.Add($"{Name(path)}: {Show(a)} != {Show(b)}");
            }

            return;
        }

        foreach (var field in a.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name == AsOf)
            {
                continue;
            }

            var here = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var left = field.Accessor.GetValue(a);
            var right = field.Accessor.GetValue(b);
            if (field.IsRepeated)
            {
                var l = ((IList)left).Cast<object>().ToList();
                var r = ((IList)right).Cast<object>().ToList();
                for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
                {
                    CompareValues(field, i < l.Count ? l[i] : null, i < r.Count ? r[i] : null, $"{here}[{i}]", differences);
                }
            }
            else
            {
                CompareValues(field, left, right, here, differences);
            }
        }
    }

    private static void CompareValues(FieldDescriptor field, object? left, object? right, string path, List<string> differences)
    {
        if (field.FieldType == FieldType.Message)
        {
            Compare(left as IMessage, right as IMessage, path, differences);
        }
        else if (!Equals(left, right))
        {
            differences.Add($"{path}: {left ?? "(none)"} != {right ?? "(none)"}");
        }
    }

    private static string Name(string path) => path.Length == 0 ? "(summary)" : path;

    private static string Show(IMessage? message) => message?.ToString() ?? "(none)";
}
