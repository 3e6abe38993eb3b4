using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Web;
using ExecReports.Web.Components;
using ExecReports.Web.Schedule;
using ExecReports.Web.Security;
using Serilog;

// A published app keeps its wwwroot beside the dll; started from any other folder the default web root (the current
// folder's wwwroot) would not exist and every script and stylesheet would be served empty.
var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(published) ? published : null,
});
builder.Configuration.AddExecReportsFiles();
// Serves _content/ and _framework/ from build output in any environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddExecReportsCore(builder.Configuration)
    .AddExecReportsWeb(builder.Configuration)
    .AddExecReportsSchedule(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSerilogRequestLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoint();
app.MapAccountEndpoints();
app.MapReportEndpoints();
// frame-ancestors is in the app's own CSP (UseSecurityHeaders); Blazor's separate header would duplicate it.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

public partial class Program;
