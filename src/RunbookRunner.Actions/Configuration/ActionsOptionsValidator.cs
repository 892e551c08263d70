using Microsoft.Extensions.Options;

namespace RunbookRunner.Actions.Configuration;

/// <summary>Checks <see cref="ActionsOptions"/> at start-up and reports every problem at once.</summary>
public sealed class ActionsOptionsValidator : IValidateOptions<ActionsOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PostgresBinDirectory is { Length: > 0 } bin && !Directory.Exists(bin))
        {
            failures.Add($"{nameof(ActionsOptions.PostgresBinDirectory)} '{bin}' does not exist; point it at the directory holding pg_dump and pg_restore, or leave it empty to search PATH.");
        }

        if (options.MaxCapturedOutputChars < 1024)
        {
            failures.Add($"{nameof(ActionsOptions.MaxCapturedOutputChars)} is {options.MaxCapturedOutputChars}; it must be at least 1024.");
        }

        if (options.MaxCapturedBodyChars < 1024)
        {
            failures.Add($"{nameof(ActionsOptions.MaxCapturedBodyChars)} is {options.MaxCapturedBodyChars}; it must be at least 1024.");
        }

        if (options.MaxLogLineChars < 80)
        {
            failures.Add($"{nameof(ActionsOptions.MaxLogLineChars)} is {options.MaxLogLineChars}; it must be at least 80.");
        }

        if (string.IsNullOrWhiteSpace(options.ShellPath))
        {
            failures.Add($"{nameof(ActionsOptions.ShellPath)} is empty; set it to a POSIX shell such as /bin/sh.");
        }

        if (options.PollRequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ActionsOptions.PollRequestTimeout)} must be positive.");
        }

        if (options.DnsPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ActionsOptions.DnsPollInterval)} must be positive.");
        }

        if (options.GitHubPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ActionsOptions.GitHubPollInterval)} must be positive.");
        }

        if (options.DnsOverHttpsUrl is { } doh && (!doh.IsAbsoluteUri || (doh.Scheme != Uri.UriSchemeHttp && doh.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{nameof(ActionsOptions.DnsOverHttpsUrl)} '{doh}' must be an absolute http(s) URL such as https://cloudflare-dns.com/dns-query.");
        }

        foreach (var thumbprint in options.TrustedCertificates ?? [])
        {
            var hex = Http.CertificatePins.Normalize(thumbprint);
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{nameof(ActionsOptions.TrustedCertificates)} has '{thumbprint}'; give the certificate's SHA-256 thumbprint as 64 hex digits (openssl x509 -noout -fingerprint -sha256).");
            }
        }

        CheckBaseUrl(failures, "Cloudflare:ApiBaseUrl", options.CloudflareApiBaseUrl);
        CheckBaseUrl(failures, "Slack:ApiBaseUrl", options.SlackApiBaseUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBaseUrl(List<string> failures, string key, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key} '{url}' must be an absolute http(s) URL.");
        }
        else if (!url.AbsolutePath.EndsWith('/'))
        {
            failures.Add($"{key} '{url}' must end with '/' so relative API paths append to it (e.g. '{url}/').");
        }
    }
}
