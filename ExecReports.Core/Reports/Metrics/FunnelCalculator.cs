using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports.Metrics;

// Channel funnel conversion (visits → inquiries → bookings) for every channel with any traffic recorded.
public sealed class FunnelCalculator : MetricCalculator
{
    public const string ImpossibleRule = "a later step counts more than an earlier step (a rate over 100%): the two counts measure different things, so the rate is flagged, not scored";

    public override int Order => 20;

    public static string Visits(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.visits";
    public static string Inquiries(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.inquiries";
    public static string Bookings(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.bookings";
    public static string VisitToInquiry(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.visit-to-inquiry";
    public static string InquiryToBooking(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.inquiry-to-booking";
    public static string VisitToBooking(string entityId, string channelKey) => $"entity.{entityId}.funnel.{channelKey}.visit-to-booking";

    public static bool HasFunnel(ChannelMetrics c) => c.Visits > 0 || c.Inquiries > 0 || c.Bookings > 0;

    public static IReadOnlyList<(ChannelMetrics Channel, string Key)> Channels(KpiMonth month)
    {
        var keys = Slugs.Distinct(month.Channels.Select(c => c.Channel));
        return month.Channels.Zip(keys).Where(x => HasFunnel(x.First)).Select(x => (x.First, x.Second)).ToList();
    }

    // A rate with a zero denominator is "n/a", not zero: nothing was measured. Over 100% is impossible for a funnel step.
    public static decimal? Rate(int numerator, int denominator) => denominator == 0 || numerator > denominator ? null : (decimal)numerator / denominator;

    public static bool IsImpossible(int numerator, int denominator) => denominator > 0 && numerator > denominator;

    // The steps of this channel's funnel whose later count exceeds the earlier one, as "12 bookings > 4 inquiries".
    public static IReadOnlyList<string> ImpossibleSteps(ChannelMetrics c)
    {
        var steps = new List<string>();
        void Check(int later, string laterName, int earlier, string earlierName)
        {
            if (IsImpossible(later, earlier))
            {
                steps.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{later} {laterName} > {earlier} {earlierName}"));
            }
        }

        Check(c.Inquiries, "inquiries", c.Visits, "visits");
        Check(c.Bookings, "bookings", c.Inquiries, "inquiries");
        Check(c.Bookings, "bookings", c.Visits, "visits");
        return steps;
    }

    public override void Compute(ReportCalculation calculation)
    {
        var period = calculation.Inputs.Period;
        var p = period.ToString();
        var book = calculation.Book;
        foreach (var m in calculation.Inputs.Kpis.Where(k => k.Period == period).OrderBy(k => k.EntityId, StringComparer.Ordinal))
        {
            var id = m.EntityId;
            foreach (var (c, key) in Channels(m))
            {
                MetricInput Input(string field, int value) =>
                    MetricInput.Kpi(id, $"channels[{c.Channel}].{field}", p, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

                void Count(string metricId, string field, int value) => book.Add(new Metric
                {
                    Id = metricId, EntityId = id, Label = $"{id} {c.Channel} {field}", Value = value, Unit = MetricUnit.Count, Period = p,
                    Formula = $"channels[].{field}", Inputs = [Input(field, value)], Better = Favourable.Higher,
                });

                void Ratio(string metricId, string label, string top, int numerator, string bottom, int denominator) => book.Add(new Metric
                {
                    Id = metricId, EntityId = id, Label = $"{id} {c.Channel} {label}", Value = Rate(numerator, denominator), Unit = MetricUnit.Percent, Period = p,
                    Formula = $"channels[].{top} ÷ channels[].{bottom}", Inputs = [Input(top, numerator), Input(bottom, denominator)],
                    Better = Favourable.Higher,
                    Special = denominator == 0 ? $"n/a: no {bottom} recorded"
                        : IsImpossible(numerator, denominator) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"impossible: {numerator} {top} > {denominator} {bottom}, flagged, not scored")
                        : null,
                });

                Count(Visits(id, key), "visits", c.Visits);
                Count(Inquiries(id, key), "inquiries", c.Inquiries);
                Count(Bookings(id, key), "bookings", c.Bookings);
                Ratio(VisitToInquiry(id, key), "visit → inquiry", "inquiries", c.Inquiries, "visits", c.Visits);
                Ratio(InquiryToBooking(id, key), "inquiry → booking", "bookings", c.Bookings, "inquiries", c.Inquiries);
                Ratio(VisitToBooking(id, key), "visit → booking", "bookings", c.Bookings, "visits", c.Visits);
            }
        }
    }
}
