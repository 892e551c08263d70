using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RunbookRunner.Actions.Http;

/// <summary>What <c>http.check</c> keeps of a server's certificate: its subject, its expiry and the TLS verdict.</summary>
internal sealed record ServerCertificate(string Subject, DateTimeOffset NotAfter, SslPolicyErrors Errors)
{
    public static ServerCertificate From(X509Certificate2 certificate, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        // NotAfter is in local time; the expiry is compared with the injected clock in UTC.
        return new ServerCertificate(certificate.Subject, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero), errors);
    }

    /// <summary>"CN=www.example.com expires 2026-12-01 14:00 UTC".</summary>
    public string Describe() => $"{Subject} expires {NotAfter.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
}
