using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Tests.TestSupport;

/// <summary>Builds parameter trees the way the YAML loader would (plain vs quoted scalars).</summary>
internal static class P
{
    public static MapValue Map(params (string Key, object? Value)[] entries) =>
        new(entries.Select(e => new MapEntry(e.Key, SourceLocation.None, From(e.Value))).ToList(), SourceLocation.None);

    public static ListValue List(params object?[] items) => new(items.Select(From).ToList(), SourceLocation.None);

    /// <summary>A quoted string scalar ("true" stays a string).</summary>
    public static ScalarValue Q(string text) => new(text, true, SourceLocation.None);

    public static ParamValue From(object? value) => value switch
    {
        null => new ScalarValue("null", false, SourceLocation.None),
        ParamValue p => p,
        bool b => new ScalarValue(b ? "true" : "false", false, SourceLocation.None),
        int or long or double => new ScalarValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, false, SourceLocation.None),
        string s => new ScalarValue(s, false, SourceLocation.None),
        IEnumerable<string> list => List(list.Cast<object?>().ToArray()),
        _ => throw new ArgumentException($"unsupported test value {value.GetType()}"),
    };
}
