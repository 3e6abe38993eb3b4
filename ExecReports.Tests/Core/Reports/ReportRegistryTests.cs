using ExecReports.Core.Email;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Reports;

// The registry is the one place a report's id, title, sections, entity and recipients key are written down;
// these tests follow each of those facts from the registration to where it is used.
public class ReportRegistryTests : IClassFixture<ReportRegistryTests.Samples>
{
    public sealed class Samples : IDisposable
    {
        public SampleReports Reports { get; } = new();
        public void Dispose() => Reports.Dispose();
    }

    private readonly SampleReports _samples;

    public ReportRegistryTests(Samples samples) => _samples = samples.Reports;

    [Fact]
    public void EachRegistrationHasItsOwnIdGeneratorAndSections()
    {
        Assert.Equal(ReportRole.All.Count, ReportRole.All.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(ReportRole.All.Count, ReportRole.All.Select(r => r.Generator).Distinct().Count());
        Assert.All(ReportRole.All, role =>
        {
            Assert.True(role.Generator.IsSubclassOf(typeof(ReportGenerator)), $"{role.Id}: {role.Generator.Name} is not a ReportGenerator");
            Assert.Equal(ReportSections.Summary, role.Sections[0]);
            Assert.Equal(ReportSections.Changed, role.Sections[1]);
            Assert.Equal(role.Sections.Count, role.Sections.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(role.Kind == ReportKind.Domain, role.EntityId is not null);
        });
    }

    [Fact]
    public void TheEngineRunsOneGeneratorPerRegistrationInRegistryOrder()
    {
        Assert.Equal(ReportRole.All, _samples.Engine.Roles);
        Assert.Equal(ReportRole.All.Select(r => r.Generator), _samples.Services.GetServices<ReportGenerator>().Select(g => g.GetType()));
    }

    [Fact]
    public async Task EveryReportWritesExactlyTheSectionsOfItsRegistrationInOrder()
    {
        var set = await _samples.GenerateAsync();

        Assert.All(ReportRole.All, role =>
        {
            var report = set.For(role)!;
            Assert.Equal(role.Sections.Select(s => s.Id), report.Sections.Select(s => s.Id));
            Assert.Equal(role.Sections.Select(s => s.Heading), report.Sections.Select(s => s.Heading));
            Assert.Equal(role.ReportTitle("2026-11"), report.Title);
            Assert.StartsWith($"# {role.Title} report — 2026-11\n", report.Rendered.Markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SectionIdsDoNotChangeInAMonthWithoutData()
    {
        // The samples' KPIs start in 2025-12: a month before that has no figures for any report.
        var empty = await _samples.GenerateAsync(Period.Parse("2025-10"));
        var full = await _samples.GenerateAsync();

        Assert.All(ReportRole.All, role =>
            Assert.Equal(full.For(role)!.Sections.Select(s => s.Id), empty.For(role)!.Sections.Select(s => s.Id)));
        Assert.Contains("capital-deployment", empty.For(ReportRole.Cfo)!.Sections.Select(s => s.Id));
        Assert.Contains(empty.For(ReportRole.Cfo)!.Sections, s => s.MissingInputs.Any(m => m.Contains("no KPI inputs", StringComparison.Ordinal)));
    }

    [Fact]
    public void ABuilderRefusesASectionItsRegistrationDoesNotList()
    {
        var builder = new ReportBuilder(ReportRole.Cfo, "2026-11");

        var error = Assert.Throws<InvalidOperationException>(() => builder.Section(ReportSections.Rental.Occupancy));

        Assert.Contains("'occupancy' is not registered for the CFO report", error.Message);
    }

    [Fact]
    public async Task EachDomainReportIsAboutADomainEntityOfTheSampleCatalog()
    {
        var catalog = (await _samples.InputsAsync()).Catalog;

        Assert.All(ReportRole.All.Where(r => r.Kind == ReportKind.Domain), role =>
        {
            var entity = catalog.ById(role.Entity);
            Assert.NotNull(entity);
            Assert.Equal(EntityKind.Domain, entity.Kind);
            Assert.Equal(entity.Name, role.Title);
            Assert.Same(role, ReportRole.ForEntity(entity.Id));
        });
        Assert.Null(ReportRole.ForEntity("jada"));
        Assert.Equal(ReportRole.Rental.Entity, RentalCalculator.EntityId);
        Assert.Equal(ReportRole.YachtDelivery.Entity, YachtDeliveryCalculator.EntityId);
        Assert.Equal(ReportRole.PortfolioBilling.Entity, PortfolioBillingCalculator.EntityId);
        Assert.Throws<InvalidOperationException>(() => ReportRole.Cfo.Entity);
    }

    [Fact]
    public void RecipientKeysAndSubjectsFollowTheRegistry()
    {
        var options = new EmailOptions
        {
            Transport = "Pickup",
            From = "reports@example.com",
            Recipients = ReportRole.All.ToDictionary(r => r.Id, r => new RecipientList { To = [$"{r.Id}@example.com"] }, StringComparer.OrdinalIgnoreCase),
        };
        var unknown = new EmailOptions { Transport = "Pickup", From = "reports@example.com", Recipients = new() { ["coo"] = new RecipientList() } };
        var builder = new ReportMessageBuilder(Microsoft.Extensions.Options.Options.Create(options));

        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
        Assert.Contains($"one of {string.Join(", ", ReportRole.All.Select(r => r.Id))}", new EmailOptionsValidator().Validate(null, unknown).FailureMessage);
        Assert.All(ReportRole.All, role =>
        {
            var message = builder.Build(new ReportMail(role.Id, "2026-11", "text", "<p>html</p>"));
            Assert.Equal(role.ReportTitle("2026-11"), message.Subject);
            Assert.Equal([$"{role.Id}@example.com"], message.To.Mailboxes.Select(m => m.Address));
        });
    }
}
