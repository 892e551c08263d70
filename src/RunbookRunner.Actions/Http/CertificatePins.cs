using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RunbookRunner.Actions.Http;

/// <summary>
/// Server certificates the HTTP actions accept although no trusted authority issued them (a staging endpoint's
/// self-signed certificate), named by SHA-256 thumbprint in <c>Actions:TrustedCertificates</c>.
/// </summary>
internal sealed class CertificatePins
{
    private readonly HashSet<string> _thumbprints;

    public CertificatePins(IEnumerable<string>? thumbprints)
    {
        _thumbprints = new HashSet<string>((thumbprints ?? []).Select(Normalize).Where(t => t.Length > 0), StringComparer.Ordinal);
    }

    public bool IsEmpty => _thumbprints.Count == 0;

    /// <summary>Upper-case hex without separators, so <c>ab:cd</c> and <c>ABCD</c> name the same certificate.</summary>
    public static string Normalize(string thumbprint) =>
        string.Concat((thumbprint ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != ':')).ToUpperInvariant();

    /// <summary>
    /// The usual TLS verdict, except that a pinned certificate may lack a trusted chain. A pin never excuses a
    /// certificate issued for another host name.
    /// </summary>
    public bool Accepts(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return certificate is not null
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && _thumbprints.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>
    /// A handler that applies these pins and reports each server certificate it sees to <paramref name="observe"/>
    /// (with the verdict of the usual checks) before deciding.
    /// </summary>
    public HttpClientHandler CreateHandler(Action<X509Certificate2, SslPolicyErrors>? observe = null)
    {
        var handler = new HttpClientHandler();
        if (observe is not null || !IsEmpty)
        {
            handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is not null)
                {
                    observe?.Invoke(certificate, errors);
                }

                return Accepts(certificate, errors);
            };
        }

        return handler;
    }
}
