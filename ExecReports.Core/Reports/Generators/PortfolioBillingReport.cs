using System.Text.RegularExpressions;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports.Metrics;
using ExecReports.Core.Reports.Rendering;
using static ExecReports.Core.Reports.Metrics.PortfolioBillingCalculator;

namespace ExecReports.Core.Reports.Generators;

public sealed partial class PortfolioBillingReport : ReportGenerator
{
    public override void Write(ReportContext context, ReportBuilder report)
    {
        var name = context.NameOf(EntityId);
        var clients = Clients(context.Kpi(EntityId));
        if (clients.Count == 0)
        {
            foreach (var section in ReportSections.PortfolioBilling.All)
            {
                report.Section(section).Missing($"no client billing data recorded for {name} in {context.PeriodText}");
            }

            return;
        }

        var m = context.Metrics;
        WriteClients(context, report.Section(ReportSections.PortfolioBilling.Clients), m, clients);
        WriteRetainers(context, report.Section(ReportSections.PortfolioBilling.Retainers), m, clients);
        WriteOverdue(context, report.Section(ReportSections.PortfolioBilling.Overdue), m, clients);
        WriteUnbilled(context, report.Section(ReportSections.PortfolioBilling.Unbilled), m, clients);
        WriteCosts(report.Section(ReportSections.PortfolioBilling.Costs), m, clients);
    }

    private static string Terms(SectionBuilder s, MetricBook m, PortfolioClient client, string slug) => client.BillingType switch
    {
        BillingType.Retainer when m.Find(Client(slug, "retainer")) is { } retainer => $"{s.Quote(retainer)} retainer",
        BillingType.Hourly when m.Find(Client(slug, "hourly-rate")) is { } rate => $"{s.Quote(rate)} an hour",
        BillingType.Retainer => "retainer amount not recorded",
        _ => "hourly rate not recorded",
    };

    private static void WriteClients(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        var retainers = clients.Count(c => c.Client.BillingType == BillingType.Retainer);
        s.Paragraph($"{clients.Count} clients on record: {retainers} on retainer, {clients.Count - retainers} billed hourly.");
        s.Table(["Client", "Billing", "Terms"],
            clients.Select(c => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(c.Client.Name),
                c.Client.BillingType == BillingType.Retainer ? "retainer" : "hourly",
                Terms(s, m, c.Client, c.Slug),
            ]));
        var missing = clients.Where(c => (c.Client.BillingType == BillingType.Retainer ? c.Client.Retainer : c.Client.HourlyRate) is null).ToList();
        if (missing.Count > 0)
        {
            s.Bullets(missing.Select(c => $"**{MarkdownText.Escape(c.Client.Name)}** has no {(c.Client.BillingType == BillingType.Retainer ? "retainer amount" : "hourly rate")} in the KPI inputs."));
        }

        var top = m.Get(TopClientShare);
        var hhi = m.Get(Hhi);
        s.Paragraph($"Concentration (share of invoicing to date): the largest client {s.Quote(top)}, the three largest {s.Quote(m.Get(TopThreeShare))}; "
            + $"concentration index {s.Quote(hhi)} (HHI, Σ share² on a 0–10,000 scale; above 2,500 is highly concentrated"
            + (hhi.Value > 2_500m ? ", so losing one client would cut income sharply)." : ")."));
        var churned = m.Get(ChurnedClients);
        var lost = Churned(context.Kpi(EntityId, context.Period.Previous()), context.Kpi(EntityId));
        s.Paragraph(churned.Value is null ? $"Churn: {s.Quote(churned)}."
            : lost.Count == 0 ? $"Churn: no client lost since {context.Period.Previous()} ({s.Quote(m.Get(ChurnRate))})."
            : $"Churn: {s.Quote(churned)} client(s) lost since {context.Period.Previous()} ({s.Quote(m.Get(ChurnRate))}): {MarkdownText.Escape(string.Join(", ", lost.Select(c => c.Name)))}.");
    }

    private static void WriteRetainers(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        s.Paragraph($"Invoiced {s.Quote(m.Get(Invoiced))}, paid {s.Quote(m.Get(Paid))} ({s.Quote(m.Get(PaidShare))}); "
            + $"invoiced but not yet paid {s.Quote(m.Get(Outstanding))}. Figures as recorded in the KPI inputs for {context.PeriodText}.");
        s.Paragraph($"Realisation: collection realisation (paid ÷ invoiced) {s.Quote(m.Get(PaidShare))}; billing realisation "
            + $"(invoiced ÷ (invoiced + unbilled value at the clients' rates)) {s.Quote(m.Get(BillingRealisation))}.");
        s.Table(["Client", "Invoiced", "Paid", "Not yet paid", "Paid share"],
            clients.Select(c => (IReadOnlyList<string>)
            [
                MarkdownText.Cell(c.Client.Name),
                s.Quote(m.Get(Client(c.Slug, "invoiced"))),
                s.Quote(m.Get(Client(c.Slug, "paid"))),
                s.Quote(m.Get(Client(c.Slug, "outstanding"))),
                s.Quote(m.Get(Client(c.Slug, "paid-share"))),
            ]), [false, true, true, true, true]);

        var retainers = clients.Where(c => c.Client.BillingType == BillingType.Retainer).ToList();
        if (retainers.Count == 0)
        {
            s.Paragraph("No client is on a retainer, so there is no retainer recovery to check.");
            return;
        }

        s.Subheading("Retainer recovery");
        var known = retainers.Where(c => m.Find(Client(c.Slug, "effective-rate")) is not null).ToList();
        if (known.Count > 0)
        {
            s.Table(["Client", "Retainer", "Hours worked", "Effective rate", "Benchmark rate", "Under-recovery"],
                known.Select(c => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(c.Client.Name),
                    s.Quote(m.Get(Client(c.Slug, "retainer"))),
                    s.Quote(m.Get(Client(c.Slug, "hours-worked"))),
                    s.Quote(m.Get(Client(c.Slug, "effective-rate"))),
                    s.Quote(m.Get(BenchmarkRate)),
                    s.Quote(m.Get(Client(c.Slug, "under-recovery"))),
                ]), [false, true, true, true, true, true]);
        }

        var unknown = retainers.Except(known).ToList();
        if (unknown.Count > 0)
        {
            s.Missing($"no hours worked recorded in the handoff notes for {string.Join(", ", unknown.Select(c => c.Client.Name))}, "
                + "so their effective hourly rate cannot be computed (write \"<client>: NN hours worked\" in the portfolio handoff)");
        }

        var notes = context.Facts(EntityId).Where(f => RetainerWords().IsMatch(f.Fact.Text)).ToList();
        if (notes.Count > 0)
        {
            s.Paragraph("What the handoff notes say about retainers:");
            s.Bullets(notes.Select(f => $"{context.Quote(f.Fact.Text)} ({MarkdownText.Escape(f.Source)})"));
        }
    }

    private static void WriteOverdue(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        var overdue = clients.Where(c => c.Client.Overdue > 0).OrderByDescending(c => c.Client.OverdueDays).ThenBy(c => c.Client.Name, StringComparer.Ordinal).ToList();
        s.Paragraph($"Overdue receivables total {s.Quote(m.Get(Overdue))}.");
        if (overdue.Count == 0)
        {
            s.Paragraph("No client has an overdue balance.");
        }
        else
        {
            s.Table(["Client", "Overdue", "Days overdue", "Bucket"],
                overdue.Select(c => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(c.Client.Name),
                    s.Quote(m.Get(Client(c.Slug, "overdue"))),
                    s.Quote(m.Get(Client(c.Slug, "overdue-days"))),
                    ReceivablesCalculator.AgeBuckets.First(b => b.Slug == ReceivablesCalculator.BucketOf(Math.Max(1, c.Client.OverdueDays))).Label,
                ]), [false, true, true, false]);
        }

        WriteAgeing(context, s, m, clients);
    }

    // The ageing adds up to accounts receivable; the credit-control flags follow from the oldest amount each client owes.
    private static void WriteAgeing(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        var id = EntityId;
        var invoiceLevel = m.Get(ReceivablesCalculator.InvoiceLevelClients(id));
        s.Subheading($"Ageing at {Metrics.DomainMetrics.Date(context.Period.LastDay)}");
        s.Paragraph($"Accounts receivable {s.Quote(m.Get(ReceivablesCalculator.Balance(id)))}, aged by days past due; "
            + (invoiceLevel.Value == clients.Count ? "every client has invoice-level data. "
                : $"{s.Quote(invoiceLevel)} of {clients.Count} client(s) have invoice-level data (the others: overdue amount at its days overdue, the rest current). ")
            + $"Days sales outstanding {s.Quote(m.Get(ReceivablesCalculator.Dso(id)))}.");
        s.Table(["Age", "Amount"],
            [
                .. ReceivablesCalculator.AgeBuckets.Select(b => (IReadOnlyList<string>)[b.Label, s.Quote(m.Get(ReceivablesCalculator.Ageing(id, b.Slug)))]),
                ["**Total (accounts receivable)**", s.Quote(m.Get(ReceivablesCalculator.Balance(id)))],
            ], [false, true]);
        var unreconciled = m.Get(ReceivablesCalculator.AgeingUnreconciled(id));
        if (unreconciled.Value != 0)
        {
            s.Paragraph($"**The open invoices do not add up to receivables**: {s.Quote(unreconciled)} is invoiced and unpaid but on no open invoice; fix the billing inputs.");
        }

        var flags = ReceivablesCalculator.CreditControl(context.Kpi(id)!, context.Period);
        if (flags.Count == 0)
        {
            s.Paragraph("Credit control: no client owes anything more than 30 days past due.");
            return;
        }

        s.Paragraph("Credit control:");
        s.Bullets(flags.Select(x =>
        {
            var action = x.Oldest.DaysPastDue switch
            {
                > 90 => "final demand, and provide for it as doubtful",
                > 60 => "stop new work until it is paid",
                _ => "call the client and send a second reminder",
            };
            var invoice = x.Oldest.Invoice is { } number ? $"invoice {MarkdownText.Escape(number)}" : "its overdue balance";
            return $"**{MarkdownText.Escape(x.Client.Name)}**: {s.Quote(m.Get(ReceivablesCalculator.ClientPastDue30(id, x.Slug)))} more than 30 days past due, "
                + $"oldest {invoice} {s.Quote(m.Get(ReceivablesCalculator.ClientOldestDays(id, x.Slug)))}; {action}.";
        }));
    }

    private static void WriteUnbilled(ReportContext context, SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        var unbilled = clients.Where(c => c.Client.UnbilledHours > 0).ToList();
        s.Paragraph($"Unbilled hours {s.Quote(m.Get(UnbilledHoursTotal))}, worth {s.Quote(m.Get(UnbilledValueTotal))} at the clients' rates "
            + $"(retainer clients without an hourly rate at the benchmark {s.Quote(m.Get(BenchmarkRate))}, the mean of the hourly clients' rates).");
        if (unbilled.Count == 0)
        {
            s.Paragraph("No client has unbilled hours recorded.");
        }
        else
        {
            s.Table(["Client", "Unbilled hours", "Rate used", "Unbilled value"],
                unbilled.Select(c => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(c.Client.Name),
                    s.Quote(m.Get(Client(c.Slug, "unbilled-hours"))),
                    m.Find(Client(c.Slug, "hourly-rate")) is { } rate ? s.Quote(rate) : $"{s.Quote(m.Get(BenchmarkRate))} (benchmark)",
                    s.Quote(m.Get(UnbilledValue(c.Slug))),
                ]), [false, true, true, true]);
        }

        var notes = context.Facts(EntityId).Where(f => UnbilledWords().IsMatch(f.Fact.Text)).ToList();
        if (notes.Count > 0)
        {
            s.Paragraph("Untracked or unbilled work in the handoff notes (not in the figures above):");
            s.Bullets(notes.Select(f => $"{context.Quote(f.Fact.Text)} ({MarkdownText.Escape(f.Source)})"));
        }
    }

    private static void WriteCosts(SectionBuilder s, MetricBook m, IReadOnlyList<(PortfolioClient Client, string Slug)> clients)
    {
        var costs = clients.Where(c => c.Client.CostsNotRebilled > 0).ToList();
        s.Paragraph($"Costs paid on clients' behalf and never re-billed: {s.Quote(m.Get(CostsNotRebilled))}, "
            + $"{s.Quote(m.Get(CostsNotRebilledShare))} of invoiced.");
        if (costs.Count == 0)
        {
            s.Paragraph("No client has costs waiting to be re-billed.");
            return;
        }

        s.Table(["Client", "Costs not re-billed"],
            costs.Select(c => (IReadOnlyList<string>)[MarkdownText.Cell(c.Client.Name), s.Quote(m.Get(Client(c.Slug, "costs-not-rebilled")))]), [false, true]);
        s.Paragraph("Add these to each client's next invoice.");
    }

    [GeneratedRegex(@"\bretainers?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RetainerWords();

    [GeneratedRegex(@"\b(unbilled|untracked|not billed|not invoiced|unbillable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnbilledWords();
}
