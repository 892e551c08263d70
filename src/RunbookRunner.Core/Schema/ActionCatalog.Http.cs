using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    private static ActionDescriptor Http() => new()
    {
        Type = "http",
        Summary = "Sends one HTTP request and checks the response; sends an Idempotency-Key header.",
        Parameters = Object(
            Opt("method", OneOf(HttpMethods), "HTTP method; default GET."),
            Req("url", Str(), "Absolute URL."),
            Opt("headers", MapOf(Str()), "Request headers."),
            Opt("json", Any(), "Body sent as JSON (application/json)."),
            Opt("body", Str(), "Body sent as text."),
            Opt("expect_status", Status(), "Expected status: a number, a list, or a class such as 2xx; default 2xx."),
            Opt("expect_json", MapOf(Any()), "JSON path → expected value, checked on the response body."))
        with
        {
            AtMostOneOf = [["json", "body"]],
        },
        Idempotent = false,
        Outputs = ["status", "body"],
    };

    private static ActionDescriptor HttpCheck() => new()
    {
        Type = "http.check",
        Summary = "Runs several HTTP checks (status, latency, body content, JSON path value or threshold, headers, TLS certificate) and reports all of them.",
        Parameters = Object(
            Req("checks", new ListSchema(Object(
                Req("url", Str(), "Absolute URL."),
                Opt("method", OneOf(HttpMethods), "HTTP method; default GET."),
                Opt("expect_status", Status(), "Expected status; default 2xx."),
                Opt("max_latency", Duration(), "Slowest acceptable response time."),
                Opt("contains", Str(), "Text the body must contain."),
                Opt("json_path", Str(), "JSON path read from the body, compared with equals, above or below."),
                Opt("equals", Any(), "Value expected at json_path."),
                Opt("above", Number(), "The number at json_path must be greater than this (a success criterion such as signups > 99)."),
                Opt("below", Number(), "The number at json_path must be less than this (a success criterion such as p95 < 200 ms)."),
                Opt("headers", MapOf(Str()), "Response headers that must be present: name (any case) → expected value, compared ignoring case; * matches any text (max-age=*)."),
                Opt("tls", Object(
                    Req("min_days_valid", Int(0, 3650), "The certificate must stay valid at least this many more days.")),
                    "Checks of the TLS certificate of an https URL.")))
            { MaxItems = 100 }, "The checks; each is reported.")),
        Idempotent = true,
        CanGate = true,
        Outputs = ["passed", "failed"],
    };

    private static ActionDescriptor HttpWait() => new()
    {
        Type = "http.wait",
        Summary = "Polls a URL until it answers with the expected status, or the step times out.",
        Parameters = Object(
            Req("url", Str(), "Absolute URL."),
            Opt("expect_status", Status(), "Expected status; default 2xx."),
            Opt("interval", Duration(), "Time between polls; default 5s.")),
        Idempotent = true,
        Outputs = ["status", "attempts"],
    };
}
