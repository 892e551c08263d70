using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Validation;

/// <summary>Shapes of <c>http.check</c> checks the parameter schema cannot express: header names and <c>tls</c> on https only.</summary>
internal sealed partial class RunbookValidator
{
    private void CheckHttpChecks(ActionCall call, string owner)
    {
        if (call.With["checks"] is not ListValue checks)
        {
            return;
        }

        for (var i = 0; i < checks.Items.Count; i++)
        {
            if (checks.Items[i] is not MapValue check)
            {
                continue;
            }

            foreach (var header in (check["headers"] as MapValue)?.Entries ?? [])
            {
                if (!IsHeaderName(header.Key))
                {
                    bag.Error(DiagnosticCodes.WrongParameterType, header.KeyLocation,
                        $"parameter 'checks[{i}].headers' of {owner} names '{RunbookBinder.Shorten(header.Key)}', which is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, no spaces or ':')");
                }
            }

            // A URL known now (no ${...}) must be https for its certificate to be checked.
            if (check.Entries.FirstOrDefault(e => e.Key == "tls") is { Value: MapValue } tls
                && check["url"] is ScalarValue { IsNull: false } url
                && !Templates.HasTemplates(url.Text)
                && !url.Text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                bag.Error(DiagnosticCodes.WrongParameterType, tls.KeyLocation,
                    $"parameter 'checks[{i}].tls' of {owner} needs an https URL, not '{RunbookBinder.Shorten(url.Text)}': only https has a certificate to check");
            }
        }
    }

    /// <summary>An HTTP field name is a token (RFC 9110, section 5.1).</summary>
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
