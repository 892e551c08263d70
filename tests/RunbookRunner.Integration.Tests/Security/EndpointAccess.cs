namespace RunbookRunner.Integration.Tests.Security;

/// <summary>How an endpoint admits callers in the permission matrix.</summary>
internal enum EndpointAccess
{
    /// <summary>Anyone (health, readiness, metrics, the OpenAPI document).</summary>
    Anonymous,

    /// <summary>A bearer token of at least <see cref="EndpointRow.MinimumRole"/>.</summary>
    Token,

    /// <summary>Slack's request signature; bearer tokens mean nothing there.</summary>
    SlackSignature,

    /// <summary>A dashboard page: a cookie session made at <c>/signin</c>; without one (a bearer token is not one) a redirect to sign in.</summary>
    DashboardSession,
}
