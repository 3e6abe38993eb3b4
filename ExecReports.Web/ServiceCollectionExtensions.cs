using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Data;
using ExecReports.Web.Identity;
using ExecReports.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
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
    //   "Proxy": { "KnownProxies": [], "KnownNetworks": [], "ForwardLimit": 1 }
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
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "ExecReports.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // Every request compares the cookie's security stamp with the store: a signed-out cookie, or one issued
        // before a role change, a password reset or disabling, stops working at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<SignInService>();
        services.AddScoped<ActionAuthorization>();

        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddSingleton<IdentityInitializer>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<Services.KpiAccess>();
        services.AddSingleton<Services.FeedbackAccess>();
        services.AddSingleton<Services.ReportValidation>();
        services.AddHostedService<StartupInitializer>();
        return services;
    }
}
