using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Actions.Tests.TestSupport;

/// <summary>
/// Kestrel on 127.0.0.1 (random port) serving HTTPS with a self-signed certificate made for the test, valid
/// from a day ago until <c>validFor</c> from now. <see cref="Thumbprint"/> is its SHA-256 thumbprint, for pinning.
/// </summary>
internal sealed class HttpsLoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsLoopbackServer(WebApplication app, Uri baseUrl, X509Certificate2 certificate)
    {
        _app = app;
        BaseUrl = baseUrl;
        Certificate = certificate;
    }

    public Uri BaseUrl { get; }

    public X509Certificate2 Certificate { get; }

    public string Thumbprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public Uri Url(string relative) => new(BaseUrl, relative);

    public static async Task<HttpsLoopbackServer> StartAsync(TimeSpan validFor)
    {
        var certificate = CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow + validFor);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
            return Results.Text("secure");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HttpsLoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }
}
