using System.Globalization;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;

namespace ExecReports.Web.Components.Pages.Kpis;

// A mutable mirror of KpiMonth for two-way binding (the Core records are immutable). Anything the editor
// does not show (engineering extras, a domain row's other fields) is carried over from the loaded month, never dropped.
public sealed class KpiMonthForm
{
    private readonly KpiMonth _loaded;
    private string _baseline = "";

    private KpiMonthForm(KpiMonth loaded) => _loaded = loaded;

    // Compared as the month the form would save, so a stored month whose text the form normalises (trimmed names,
    // empty optional fields) does not open as already changed.
    public bool IsDirty => KpiJson.Serialize(ToMonth().Month) != _baseline;

    public string EntityId => _loaded.EntityId;
    public Period Period => _loaded.Period;
    public KpiMonth Loaded => _loaded;

    public string Currency { get; set; } = "";
    public decimal CashOnHand { get; set; }
    public decimal CustomerDeposits { get; set; }
    public decimal SecurityDeposits { get; set; }
    public decimal OwnerDraws { get; set; }
    public decimal CapitalInjections { get; set; }
    public decimal? MonthlyRevenueTarget { get; set; }
    public decimal? BurnCeiling { get; set; }
    public int? Deployments { get; set; }
    public decimal? LeadTimeHours { get; set; }
    public decimal? ChangeFailRate { get; set; }
    public decimal? TimeToRestoreHours { get; set; }

    public List<RevenueRow> Revenue { get; } = [];
    public List<ExpenseRow> Expenses { get; } = [];
    public List<PipelineRow> Pipeline { get; } = [];
    public List<ChannelRow> Channels { get; } = [];
    public List<BlastRow> EmailBlasts { get; } = [];

    // Domain data: the editable fields of each stored row; the row's other fields ride along in Original.
    public List<RentalUnitRow> RentalUnits { get; } = [];
    public List<DeliveryJobRow> DeliveryJobs { get; } = [];
    public List<ClientRow> Clients { get; } = [];

    // A domain entity's section shows even when its rows are all removed (or none were ever entered), so a row can
    // be added back; other entities show it only if the stored month has that data.
    public bool ShowsRental => _loaded.Rental is not null || IsEntity(ReportRole.Rental);
    public bool ShowsDelivery => _loaded.YachtDelivery is not null || IsEntity(ReportRole.YachtDelivery);
    public bool ShowsClients => _loaded.Portfolio is not null || IsEntity(ReportRole.PortfolioBilling);

    private bool IsEntity(ReportRole role) => string.Equals(role.EntityId, EntityId, StringComparison.OrdinalIgnoreCase);

    // A new row starts empty; the validator names what it still needs (a unit's name; a job's id, from and to; a
    // client's name and rate).
    public void AddRentalUnit() => RentalUnits.Add(new() { Original = new() { Name = "" } });

    public void AddDeliveryJob() =>
        DeliveryJobs.Add(new() { Original = new() { Id = "", From = "", To = "", Status = DeliveryStatus.Quoted }, Status = DeliveryStatus.Quoted });

    public void AddClient() =>
        Clients.Add(new() { Original = new() { Name = "", BillingType = BillingType.Retainer }, BillingType = BillingType.Retainer });

    public static KpiMonthForm Blank(string entityId, Period period, string currency) =>
        From(new KpiMonth { EntityId = entityId, Period = period, Currency = currency });

    public static KpiMonthForm From(KpiMonth month)
    {
        var form = new KpiMonthForm(month)
        {
            Currency = month.Currency,
            CashOnHand = month.CashOnHand,
            CustomerDeposits = month.CustomerDeposits,
            SecurityDeposits = month.SecurityDeposits,
            OwnerDraws = month.OwnerDraws,
            CapitalInjections = month.CapitalInjections,
            MonthlyRevenueTarget = month.Targets?.MonthlyRevenueTarget,
            BurnCeiling = month.Targets?.BurnCeiling,
            Deployments = month.Engineering?.Deployments,
            LeadTimeHours = month.Engineering?.LeadTimeHours,
            ChangeFailRate = month.Engineering?.ChangeFailRate,
            TimeToRestoreHours = month.Engineering?.TimeToRestoreHours,
        };
        form.Revenue.AddRange(month.Revenue.Select(r => new RevenueRow
        {
            Stream = r.Stream, Amount = r.Amount, Received = r.Received, Channel = r.Channel ?? "", ServiceDate = Text(r.ServiceDate),
            BookedNetOfCommission = r.BookedNetOfCommission, Commission = r.Commission,
        }));
        form.Expenses.AddRange(month.Expenses.Select(e => new ExpenseRow
        {
            Description = e.Description, Category = e.Category, AccountCode = e.AccountCode ?? "", Amount = e.Amount, Fixed = e.Fixed, Vendor = e.Vendor ?? "",
            Principal = e.Principal, Interest = e.Interest,
        }));
        form.Pipeline.AddRange(month.Pipeline.Select(p => new PipelineRow
        {
            Name = p.Name, Stage = p.Stage, Value = p.Value, Probability = p.Probability, ExpectedClose = Text(p.ExpectedClose),
        }));
        form.Channels.AddRange(month.Channels.Select(c => new ChannelRow
        {
            Channel = c.Channel, Listed = c.Listed, Live = c.Live, Visits = c.Visits, Inquiries = c.Inquiries, Bookings = c.Bookings,
            Revenue = c.Revenue, CommissionRate = c.CommissionRate,
        }));
        form.EmailBlasts.AddRange(month.EmailBlasts.Select(b => new BlastRow
        {
            Name = b.Name, Date = Text(b.Date), Channel = b.Channel ?? "", Audience = b.Audience, Sent = b.Sent, Opened = b.Opened,
            Clicked = b.Clicked, Bookings = b.Bookings, Revenue = b.Revenue, Cost = b.Cost,
        }));
        form.RentalUnits.AddRange((month.Rental?.Units ?? []).Select(u => new RentalUnitRow
        {
            Original = u, Name = u.Name, Occupied = u.Occupied, Rent = u.Rent, LeaseEnd = Text(u.LeaseEnd), MaintenanceCost = u.MaintenanceCost, Notes = u.Notes ?? "",
        }));
        form.DeliveryJobs.AddRange((month.YachtDelivery?.Jobs ?? []).Select(j => new DeliveryJobRow
        {
            Original = j, Id = j.Id, From = j.From, To = j.To, Vessel = j.Vessel ?? "", DeliveryDate = Text(j.DeliveryDate),
            DistanceNm = j.DistanceNm, Quote = j.Quote, ActualCost = j.ActualCost, Status = j.Status,
        }));
        form.Clients.AddRange((month.Portfolio?.Clients ?? []).Select(c => new ClientRow
        {
            Original = c, Name = c.Name, BillingType = c.BillingType, Retainer = c.Retainer, HourlyRate = c.HourlyRate, Invoiced = c.Invoiced, Paid = c.Paid, Overdue = c.Overdue, OverdueDays = c.OverdueDays, UnbilledHours = c.UnbilledHours, CostsNotRebilled = c.CostsNotRebilled,
        }));
        // Only once every row is in: a baseline taken before the domain rows made a stored rental month open as changed.
        form._baseline = KpiJson.Serialize(form.ToMonth().Month);
        return form;
    }

    // Dates arrive as text from the browser's date input; one that does not parse is an error on its own field,
    // reported with the validator's errors so the user sees them all at once.
    public (KpiMonth Month, IReadOnlyList<KpiError> Errors) ToMonth()
    {
        var errors = new List<KpiError>();
        var month = _loaded with
        {
            Currency = Currency.Trim(),
            CashOnHand = CashOnHand,
            CustomerDeposits = CustomerDeposits,
            SecurityDeposits = SecurityDeposits,
            OwnerDraws = OwnerDraws,
            CapitalInjections = CapitalInjections,
            Targets = MonthlyRevenueTarget is null && BurnCeiling is null && _loaded.Targets is null
                ? null
                : new KpiTargets { MonthlyRevenueTarget = MonthlyRevenueTarget, BurnCeiling = BurnCeiling },
            Engineering = Deployments is null && LeadTimeHours is null && ChangeFailRate is null && TimeToRestoreHours is null && _loaded.Engineering is null
                ? null
                : new EngineeringMetrics { Deployments = Deployments, LeadTimeHours = LeadTimeHours, ChangeFailRate = ChangeFailRate, TimeToRestoreHours = TimeToRestoreHours },
            Revenue = Revenue.Select((r, i) => new RevenueLine
            {
                Stream = r.Stream.Trim(), Amount = r.Amount, Received = r.Received, Channel = Optional(r.Channel),
                ServiceDate = ParseDate(r.ServiceDate, $"revenue[{i}].serviceDate", errors), BookedNetOfCommission = r.BookedNetOfCommission, Commission = r.Commission,
            }).ToList(),
            Expenses = Expenses.Select(e => new ExpenseLine
            {
                Description = e.Description.Trim(), Category = e.Category.Trim(), AccountCode = Optional(e.AccountCode), Amount = e.Amount, Fixed = e.Fixed, Vendor = Optional(e.Vendor),
                Principal = e.Principal, Interest = e.Interest,
            }).ToList(),
            Pipeline = Pipeline.Select((p, i) => new PipelineItem
            {
                Name = p.Name.Trim(), Stage = p.Stage, Value = p.Value, Probability = p.Probability, ExpectedClose = ParseDate(p.ExpectedClose, $"pipeline[{i}].expectedClose", errors),
            }).ToList(),
            Channels = Channels.Select(c => new ChannelMetrics
            {
                Channel = c.Channel.Trim(), Listed = c.Listed, Live = c.Live, Visits = c.Visits, Inquiries = c.Inquiries, Bookings = c.Bookings,
                Revenue = c.Revenue, CommissionRate = c.CommissionRate,
            }).ToList(),
            EmailBlasts = EmailBlasts.Select((b, i) => new EmailBlast
            {
                Name = b.Name.Trim(), Date = RequiredDate(b.Date, $"emailBlasts[{i}].date", errors), Channel = Optional(b.Channel), Audience = b.Audience,
                Sent = b.Sent, Opened = b.Opened, Clicked = b.Clicked, Bookings = b.Bookings, Revenue = b.Revenue, Cost = b.Cost,
            }).ToList(),
            Rental = _loaded.Rental is null && RentalUnits.Count == 0 ? null : (_loaded.Rental ?? new RentalData()) with
            {
                Units = RentalUnits.Select((u, i) => u.Original with
                {
                    Name = u.Name.Trim(), Occupied = u.Occupied, Rent = u.Rent, LeaseEnd = ParseDate(u.LeaseEnd, $"rental.units[{i}].leaseEnd", errors),
                    MaintenanceCost = u.MaintenanceCost, Notes = Optional(u.Notes),
                }).ToList(),
            },
            YachtDelivery = _loaded.YachtDelivery is null && DeliveryJobs.Count == 0 ? null : (_loaded.YachtDelivery ?? new YachtDeliveryData()) with
            {
                Jobs = DeliveryJobs.Select((j, i) => j.Original with
                {
                    Id = j.Id.Trim(), From = j.From.Trim(), To = j.To.Trim(), Vessel = Optional(j.Vessel),
                    DeliveryDate = ParseDate(j.DeliveryDate, $"yachtDelivery.jobs[{i}].deliveryDate", errors),
                    DistanceNm = j.DistanceNm, Quote = j.Quote, ActualCost = j.ActualCost, Status = j.Status,
                }).ToList(),
            },
            Portfolio = _loaded.Portfolio is null && Clients.Count == 0 ? null : (_loaded.Portfolio ?? new PortfolioData()) with
            {
                Clients = Clients.Select(c => c.Original with
                {
                    Name = c.Name.Trim(), BillingType = c.BillingType, Retainer = c.Retainer, HourlyRate = c.HourlyRate,
                    Invoiced = c.Invoiced, Paid = c.Paid, Overdue = c.Overdue, OverdueDays = c.OverdueDays, UnbilledHours = c.UnbilledHours, CostsNotRebilled = c.CostsNotRebilled,
                }).ToList(),
            },
        };
        return (month, errors);
    }

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? ParseDate(string text, string path, List<KpiError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new KpiError(path, $"'{text}' is not a date in the form YYYY-MM-DD."));
        return null;
    }

    private static DateOnly RequiredDate(string text, string path, List<KpiError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new KpiError(path, "is required."));
            return default;
        }

        return ParseDate(text, path, errors) ?? default;
    }

    public sealed class RentalUnitRow
    {
        public required RentalUnit Original { get; init; }
        public string Name { get; set; } = "";
        public bool Occupied { get; set; }
        public decimal Rent { get; set; }
        public string LeaseEnd { get; set; } = "";
        public decimal MaintenanceCost { get; set; }
        public string Notes { get; set; } = "";
    }

    public sealed class DeliveryJobRow
    {
        public required DeliveryJob Original { get; init; }
        public string Id { get; set; } = "";
        public string From { get; set; } = "";
        public string To { get; set; } = "";
        public string Vessel { get; set; } = "";
        public string DeliveryDate { get; set; } = "";
        public decimal DistanceNm { get; set; }
        public decimal Quote { get; set; }
        public decimal? ActualCost { get; set; }
        public DeliveryStatus Status { get; set; }
    }

    public sealed class ClientRow
    {
        public required PortfolioClient Original { get; init; }
        public string Name { get; set; } = "";
        public BillingType BillingType { get; set; }
        public decimal? Retainer { get; set; }
        public decimal? HourlyRate { get; set; }
        public decimal Invoiced { get; set; }
        public decimal Paid { get; set; }
        public decimal Overdue { get; set; }
        public int OverdueDays { get; set; }
        public decimal UnbilledHours { get; set; }
        public decimal CostsNotRebilled { get; set; }
    }

    public sealed class RevenueRow
    {
        public string Stream { get; set; } = "";
        public decimal Amount { get; set; }
        public decimal Received { get; set; }
        public string Channel { get; set; } = "";
        public string ServiceDate { get; set; } = "";
        public bool BookedNetOfCommission { get; set; }
        public decimal? Commission { get; set; }
    }

    public sealed class ExpenseRow
    {
        public string Description { get; set; } = "";
        public string Category { get; set; } = "";
        public string AccountCode { get; set; } = "";
        public decimal Amount { get; set; }
        public bool Fixed { get; set; }
        public string Vendor { get; set; } = "";

        // Kept through an edit so a loan payment's split from the import is not lost; the form has no field for it yet.
        public decimal? Principal { get; set; }
        public decimal? Interest { get; set; }
    }

    public sealed class PipelineRow
    {
        public string Name { get; set; } = "";
        public PipelineStage Stage { get; set; } = PipelineStage.Lead;
        public decimal Value { get; set; }
        public decimal Probability { get; set; }
        public string ExpectedClose { get; set; } = "";
    }

    public sealed class ChannelRow
    {
        public string Channel { get; set; } = "";
        public bool Listed { get; set; }
        public bool Live { get; set; }
        public int Visits { get; set; }
        public int Inquiries { get; set; }
        public int Bookings { get; set; }
        public decimal Revenue { get; set; }
        public decimal? CommissionRate { get; set; }
    }

    public sealed class BlastRow
    {
        public string Name { get; set; } = "";
        public string Date { get; set; } = "";
        public string Channel { get; set; } = "";
        public int Audience { get; set; }
        public int Sent { get; set; }
        public int Opened { get; set; }
        public int Clicked { get; set; }
        public int Bookings { get; set; }
        public decimal Revenue { get; set; }
        public decimal Cost { get; set; }
    }
}
