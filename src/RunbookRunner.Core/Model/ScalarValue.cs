using System.Globalization;

namespace RunbookRunner.Core.Model;

/// <summary>A scalar value. <see cref="Quoted"/> tells <c>"true"</c> (a string) from <c>true</c> (a bool).</summary>
public sealed record ScalarValue(string Text, bool Quoted, SourceLocation Location) : ParamValue(Location)
{
    /// <summary>True for a plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    public bool TryGetBool(out bool value)
    {
        value = false;
        if (Quoted)
        {
            return false;
        }

        switch (Text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    public bool TryGetInt(out long value) =>
        long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && !Quoted;

    public bool TryGetNumber(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !Quoted;

    public override string ToString() => Text;
}
