using System.Text;
using System.Text.Json;
using ExecReports.Core.Health;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Quartz;

namespace ExecReports.Web;

internal static class Endpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        // Anonymous probes (a load balancer) see statuses only; host names, buckets and the node's scheduler
        // instance id are for a signed-in Admin.
        app.MapGet("/healthz", async (HttpContext http, HealthService health, ISchedulerFactory schedulers, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            var statusCode = report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (!http.User.IsInRole(Roles.Admin))
            {
                return Results.Json(report.StatusesOnly(), Json, statusCode: statusCode);
            }

            var scheduler = await schedulers.GetScheduler(ct);
            var metadata = await scheduler.GetMetadata(ct);
            if (metadata.JobStoreClustered)
            {
                report = report with { SchedulerInstanceId = metadata.SchedulerInstanceId };
            }

            return Results.Json(report, Json, statusCode: statusCode);
        }).AllowAnonymous();
        return app;
    }

    public static string MarkdownDownloadUrl(string period, string role) => $"/download/reports/{period}/{role}.md";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        // The preview's "Download .md", served when asked for: inlined as a data URI it made the CFO preview 122 KB
        // larger, and the circuit's first render sent it again (issue 19). Whoever may open the preview may download it.
        app.MapGet("/download/reports/{period}/{role}.md", async (string period, string role, ReportService reports, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var month) || ReportRole.Find(role) is not { } reportRole)
            {
                return Results.NotFound();
            }

            return (await reports.GetAsync(month, ct)).For(reportRole) is { } report
                ? Results.File(Encoding.UTF8.GetBytes(report.Rendered.Markdown), "text/markdown; charset=utf-8", $"{report.FileStem}.md")
                : Results.NotFound();
        }).RequireAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A new security stamp ends every session of the account: this cookie (should a copy survive), the other
        // tabs' circuits (revalidated within seconds) and any other device.
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
        return app;
    }
}
