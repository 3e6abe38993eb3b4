using ExecReports.Core.Alerts;
using ExecReports.Core.Archive;
using ExecReports.Core.Configuration;
using ExecReports.Core.Dashboard;
using ExecReports.Core.Data;
using ExecReports.Core.Dispatch;
using ExecReports.Core.Email;
using ExecReports.Core.Health;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Core.Validation;
using ExecReports.Core.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Core;

public static class ServiceCollectionExtensions
{
    // Reads:
    //   "ExecReports":       { "DataPath": "data/" }
    //   "Database":          { "Provider": "Sqlite" | "Postgres" },  "ConnectionStrings": { "Default": "" }
    //   "Email":             { "Transport": "Pickup" | "Smtp" | "Ses", "From": "...", "Smtp", "Ses", "Retry", "Recipients", ... }
    //   "Archive":           { "Provider": "FileSystem" | "S3", "S3": { ... }, "Retry": { ... } }
    //   "Data":              entity catalog and handoffs (see Ingestion/DataOptions)
    //   "Finance":           { "MinimumCash": 10000, ... } (see Reports/Finance/FinanceOptions)
    //   "Kpis":              { "SamplesPath": "samples/kpis/" }
    //   "Validation":        { "DomainReports": ["rental", "yacht-delivery", "portfolio-billing"] }
    //   "Schedule":          { "Cron": "0 0 1 * ? *", "TimeZone": "UTC", ... } (see Schedule/ScheduleOptions)
    //   "Dispatch":          { "LeaseSeconds": 600, "ResumeIntervalSeconds": 300, "NodeId": "" }
    public static IServiceCollection AddExecReportsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStrictOptions<ExecReportsOptions>(ExecReportsOptions.SectionName);
        services.AddStrictOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddEmailOptions(configuration);
        services.AddStrictOptions<ArchiveOptions>(ArchiveOptions.SectionName);
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp => AppPaths.From(sp.GetRequiredService<IOptions<ExecReportsOptions>>()));

        if (ConnectionStrings.IsPostgres(configuration))
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, options) =>
                options.UseNpgsql(ConnectionStrings.Resolve(configuration, sp.GetRequiredService<AppPaths>())), optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
        }
        else
        {
            services.AddDbContext<AppDbContext>((sp, options) =>
                options.UseSqlite(ConnectionStrings.Resolve(configuration, sp.GetRequiredService<AppPaths>())), optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<AppDbContext>>();
        }

        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IMailTransport>(sp => CreateMailTransport(sp));
        services.AddSingleton<MailSender>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<ReportMessageBuilder>();
        services.AddSingleton<IArchiveStore>(sp =>
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Provider == "S3"
                ? ActivatorUtilities.CreateInstance<S3ArchiveStore>(sp)
                : ActivatorUtilities.CreateInstance<FileSystemArchiveStore>(sp));
        services.AddScoped<HealthService>();
        services.AddIngestion();
        services.AddKpis();
        services.AddReports();
        services.AddValidation();
        services.AddSchedule();
        services.AddDashboard();
        services.AddDispatch();
        services.AddSingleton(_ => Secrets.SecretScanner.FromConfiguration(configuration));
        return services;
    }

    public static IMailTransport CreateMailTransport(IServiceProvider services)
    {
        var email = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        return email.Transport switch
        {
            "Smtp" => new SmtpMailTransport("Smtp", SmtpEndpoint.ForSmtp(email.Smtp)),
            "Ses" => new SmtpMailTransport("Ses", SmtpEndpoint.ForSes(email.Ses)),
            _ => ActivatorUtilities.CreateInstance<PickupMailTransport>(services),
        };
    }

    // A misspelt key fails at start instead of silently binding nothing.
    public static OptionsBuilder<T> AddStrictOptions<T>(this IServiceCollection services, string sectionName)
        where T : class =>
        services.AddOptions<T>()
            .BindConfiguration(sectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
