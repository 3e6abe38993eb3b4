using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;
using System.Globalization;

namespace ExecReports.Web;

public static class ServiceCollectionExtensions
{
    // Reads:
    //   "Auth": { "BootstrapAdmin": { "Email": "admin@example.com", "Password": null } }
    //   "ConnectionStrings": { "Default": "" }   (shared with Core; empty means data/execreports.db on SQLite, required on Postgres)
    public static IServiceCollection AddExecReportsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(sp.GetRequiredService<AppPaths>().Logs, "execreports-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: CultureInfo.InvariantCulture));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddStrictOptions<AuthOptions>(AuthOptions.SectionName);
        var dataProtection = services.AddDataProtection().SetApplicationName("ExecReports");
        var database = DatabaseProvider.From(configuration);
        database.AddContext<AuthDbContext, PostgresAuthDbContext>(services, AuthDbContext.HistoryTable);
        if (database.IsPostgres)
        {
            // Every node reads one key ring from the shared database, so a cookie issued by one is valid on all.
            dataProtection.PersistKeysToDbContext<PostgresAuthDbContext>();
        }
        else
        {
            // One node: keys live with the data so sign-in cookies survive a restart or a new container.
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(sp.GetRequiredService<AppPaths>().Data, "keys")),
                    sp.GetRequiredService<ILoggerFactory>())));
        }

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "ExecReports.Auth";
        });
        services.AddAuthorization();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<IdentityInitializer>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<Services.KpiAccess>();
        services.AddSingleton<Services.ReportValidation>();
        services.AddHostedService<StartupInitializer>();
        return services;
    }
}
