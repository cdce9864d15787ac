using Hangfire;

namespace Hub.Web.Security;

/// <summary>
/// Hangfire's dashboard at <see cref="Path"/>, for administrators only: behind the hub's own Admin
/// policy, so a refusal is audited like any other page's (<see cref="AuditedRefusals"/>), never
/// behind Hangfire's own filters (which, by default, let in any local request). Read-only: retrying
/// or deleting a job is not something the hub's work needs from a browser, and the jobs are
/// idempotent drains of durable tables anyway (docs/decisions/021).
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/staff/jobs";

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [], // the endpoint's policy decides
            IsReadOnlyFunc = _ => true,
            AppPath = "/staff",
            DashboardTitle = "Living Well Hub: background jobs",
            DisplayStorageConnectionString = false,
            DarkModeEnabled = false,
        }).RequireAuthorization(Policies.Admin);

    /// <summary>The dashboard sets inline style attributes and its charts add a style element: only there is inline style allowed.</summary>
    public static bool IsDashboard(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
}
