using System.Net.Sockets;

namespace RunbookRunner.Actions.Dns;

/// <summary>The runner's own resolver (and its cache): addresses only.</summary>
internal static class SystemDnsResolver
{
    public static async Task<DnsAnswer> ResolveAsync(DnsQuery query, CancellationToken cancellationToken)
    {
        var family = query.Type == "AAAA" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(query.Name, family, cancellationToken).ConfigureAwait(false);
            return new DnsAnswer([.. addresses.Select(a => a.ToString()).Distinct().Order(StringComparer.Ordinal)]);
        }
        catch (SocketException ex)
        {
            return new DnsAnswer([], $"does not resolve ({ex.SocketErrorCode})");
        }
    }
}
