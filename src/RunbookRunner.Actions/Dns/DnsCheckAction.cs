using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Actions.Dns;

/// <summary>
/// <c>dns.check</c>: resolves <c>name</c> with the system resolver until every address in <c>expect</c> is among
/// the answers (the step timeout ends the wait). A and AAAA only. Outputs: <c>addresses</c> (comma-separated).
/// </summary>
public sealed class DnsCheckAction : StepAction
{
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public DnsCheckAction(IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("dns.check");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (name, family, type, expected) = Read(parameters);
        string? lastSeen = null;
        for (var attempt = 1; ; attempt++)
        {
            string seen;
            List<string> addresses = [];
            try
            {
                addresses = (await System.Net.Dns.GetHostAddressesAsync(name, family, cancellationToken).ConfigureAwait(false))
                    .Select(a => a.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
                seen = addresses.Count == 0 ? "no addresses" : string.Join(", ", addresses);
            }
            catch (SocketException ex)
            {
                seen = $"does not resolve ({ex.SocketErrorCode})";
            }

            var missing = expected.Where(e => !addresses.Contains(e)).ToList();
            if (addresses.Count > 0 && missing.Count == 0)
            {
                context.Log.Write($"{name} {type} -> {seen}");
                return ActionResult.Success(
                    $"{name} resolves to {string.Join(", ", expected)}",
                    new Dictionary<string, string> { ["addresses"] = string.Join(",", addresses) });
            }

            if (seen != lastSeen)
            {
                context.Log.Write($"attempt {attempt}: {name} {type} -> {seen}; waiting for {string.Join(", ", expected)} (every {Durations.Format(_options.DnsPollInterval)})");
                lastSeen = seen;
            }

            await Task.Delay(_options.DnsPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (name, _, type, expected) = Read(parameters);
        LogSimulated(context, $"would resolve {name} ({type}) until it answers {string.Join(", ", expected)}");
        return Task.FromResult(ActionResult.Success(
            $"simulated: {name} resolves to {string.Join(", ", expected)}",
            new Dictionary<string, string> { ["addresses"] = string.Join(",", expected) }));
    }

    private static (string Name, AddressFamily Family, string Type, IReadOnlyList<string> Expected) Read(ParameterReader p)
    {
        var name = p.RequiredString("name").Trim().TrimEnd('.');
        var type = p.OptionalString("type", "A").Trim().ToUpperInvariant();
        var family = type switch
        {
            "A" => AddressFamily.InterNetwork,
            "AAAA" => AddressFamily.InterNetworkV6,
            _ => throw new ActionParameterException($"dns.check resolves A and AAAA records with the system resolver; '{type}' is not supported"),
        };
        var expected = p.StringList("expect").Select(e => e.Trim()).ToList();
        if (expected.Count == 0)
        {
            throw new ActionParameterException("parameter 'expect' must give at least one address");
        }

        foreach (var e in expected)
        {
            if (!IPAddress.TryParse(e, out var ip) || ip.AddressFamily != family)
            {
                throw new ActionParameterException($"parameter 'expect' holds '{e}', which is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
            }
        }

        // Compare in canonical form (e.g. IPv6 zero compression).
        return (name, family, type, expected.Select(e => IPAddress.Parse(e).ToString()).ToList());
    }
}
