using System.Globalization;
using System.Text.Json.Nodes;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Json;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Guards;

/// <summary>
/// Reads a guard's check over HTTP: the status must be the expected one (2xx by default), and a number
/// read with the check's JSON path must stay within <c>above</c> / <c>below</c>.
/// </summary>
public sealed class HttpGuardProbe(IHttpClientFactory clients) : IGuardProbe
{
    public async Task<GuardProbeResult> ProbeAsync(GuardCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        using var client = clients.CreateClient(HttpClientNames.Probe);
        using var response = await client.GetAsync(new Uri(check.Url), cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var statusOk = check.ExpectStatus is { } expected ? status == expected : status is >= 200 and < 300;
        if (!statusOk)
        {
            return new GuardProbeResult(null, true, $"{check.Url} answered {status}");
        }

        if (check.JsonPath is null)
        {
            return new GuardProbeResult(status, false, $"{check.Url} answered {status}");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var path = JsonPath.Parse(check.JsonPath);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new GuardProbeResult(null, true, $"{check.Url} did not answer JSON: {ex.Message}");
        }

        if (!path.TryEvaluate(root, out var node) || node is not JsonValue value || !TryNumber(value, out var number))
        {
            return new GuardProbeResult(null, true, $"{check.JsonPath} is not a number in the answer of {check.Url}");
        }

        var text = number.ToString("0.####", CultureInfo.InvariantCulture);
        if (check.Above is { } above && number > above)
        {
            return new GuardProbeResult(number, true, $"{check.JsonPath} = {text} > {above.ToString(CultureInfo.InvariantCulture)}");
        }

        if (check.Below is { } below && number < below)
        {
            return new GuardProbeResult(number, true, $"{check.JsonPath} = {text} < {below.ToString(CultureInfo.InvariantCulture)}");
        }

        return new GuardProbeResult(number, false, $"{check.JsonPath} = {text}");
    }

    private static bool TryNumber(JsonValue value, out double number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        return value.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
