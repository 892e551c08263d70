using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Actions.Dns;

/// <summary>
/// <c>dns.check</c>: resolves <c>name</c> until every value in <c>expect</c> is among the answers (the step timeout
/// ends the wait). With <see cref="ActionsOptions.DnsOverHttpsUrl"/> it asks that public resolver (A, AAAA, CNAME,
/// TXT); otherwise the system resolver (A and AAAA). Outputs: <c>addresses</c> (the values seen, comma-separated).
/// </summary>
public sealed class DnsCheckAction : StepAction
{
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public DnsCheckAction(IHttpClientFactory clients, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("dns.check");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var query = Read(parameters, _options.DnsOverHttpsUrl is not null);
        var where = _options.DnsOverHttpsUrl is { } doh ? $" (via {doh.Host})" : "";
        string? lastSeen = null;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await ResolveAsync(query, cancellationToken).ConfigureAwait(false);
            var seen = answer.Describe();
            if (answer.Values.Count > 0 && query.Expected.All(answer.Values.Contains))
            {
                context.Log.Write($"{query.Name} {query.Type}{where} -> {seen}");
                return ActionResult.Success(
                    $"{query.Name} resolves to {string.Join(", ", query.Expected)}",
                    new Dictionary<string, string> { ["addresses"] = string.Join(",", answer.Values) });
            }

            if (seen != lastSeen)
            {
                context.Log.Write($"attempt {attempt}: {query.Name} {query.Type}{where} -> {seen}; waiting for {string.Join(", ", query.Expected)} (every {Durations.Format(_options.DnsPollInterval)})");
                lastSeen = seen;
            }

            await Task.Delay(_options.DnsPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var query = Read(parameters, true);
        LogSimulated(context, $"would resolve {query.Name} ({query.Type}) until it answers {string.Join(", ", query.Expected)}");
        return Task.FromResult(ActionResult.Success(
            $"simulated: {query.Name} resolves to {string.Join(", ", query.Expected)}",
            new Dictionary<string, string> { ["addresses"] = string.Join(",", query.Expected) }));
    }

    private async Task<DnsAnswer> ResolveAsync(DnsQuery query, CancellationToken cancellationToken)
    {
        if (_options.DnsOverHttpsUrl is not { } endpoint)
        {
            return await SystemDnsResolver.ResolveAsync(query, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PollRequestTimeout);
        return await DohJsonResolver.ResolveAsync(_clients.CreateClient(HttpClientNames.Probe), endpoint, query, timeout.Token).ConfigureAwait(false);
    }

    private static DnsQuery Read(ParameterReader p, bool overHttps)
    {
        var name = p.RequiredString("name").Trim().TrimEnd('.');
        var type = p.OptionalString("type", "A").Trim().ToUpperInvariant();
        if (!DohJsonResolver.Supports(type))
        {
            throw new ActionParameterException($"dns.check checks A, AAAA, CNAME and TXT records; '{type}' is not supported");
        }

        if (!overHttps && type is not ("A" or "AAAA"))
        {
            throw new ActionParameterException($"dns.check of {type} records needs a DNS-over-HTTPS resolver (Actions:DnsOverHttpsUrl); the system resolver answers A and AAAA only");
        }

        var expected = p.StringList("expect").Select(e => e.Trim()).ToList();
        if (expected.Count == 0)
        {
            throw new ActionParameterException("parameter 'expect' must give at least one value");
        }

        if (type is "A" or "AAAA")
        {
            var family = type == "A" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
            foreach (var e in expected)
            {
                if (!IPAddress.TryParse(e, out var ip) || ip.AddressFamily != family)
                {
                    throw new ActionParameterException($"parameter 'expect' holds '{e}', which is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
                }
            }
        }

        // Compare in canonical form (IPv6 zero compression, no final dot, unquoted text).
        return new DnsQuery(name, type, [.. expected.Select(e => DnsValues.Canonical(type, e))]);
    }
}
