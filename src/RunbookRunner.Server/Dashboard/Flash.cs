using Microsoft.AspNetCore.WebUtilities;

namespace RunbookRunner.Server.Dashboard;

/// <summary>A one-time message carried across a post-redirect-get in a short-lived cookie.</summary>
internal static class Flash
{
    private const int MaxLength = 1000;

    public static void Set(HttpContext context, bool error, string message)
    {
        var text = (error ? "e:" : "n:") + (message.Length > MaxLength ? message[..MaxLength] : message);
        context.Response.Cookies.Append(DashboardDefaults.FlashCookie, Base64UrlTextEncoder.Encode(System.Text.Encoding.UTF8.GetBytes(text)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>Reads and clears the message: (notice, error).</summary>
    public static (string? Notice, string? Error) Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(DashboardDefaults.FlashCookie, out var raw) || string.IsNullOrEmpty(raw))
        {
            return (null, null);
        }

        context.Response.Cookies.Delete(DashboardDefaults.FlashCookie, new CookieOptions { Path = "/" });
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(raw));
        }
        catch (FormatException)
        {
            return (null, null);
        }

        return text.StartsWith("e:", StringComparison.Ordinal) ? (null, text[2..]) : (text.Length > 2 ? text[2..] : null, null);
    }
}
