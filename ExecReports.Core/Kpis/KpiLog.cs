using Microsoft.Extensions.Logging;

namespace ExecReports.Core.Kpis;

// Source-generated log messages: seeding logs per sample file and per rejected record.
internal static partial class KpiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No KPI samples loaded: folder {Folder} (Kpis:SamplesPath) does not exist")]
    public static partial void NoSamplesFolder(this ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KPI sample {File} record {Record} was not loaded")]
    public static partial void SampleRecordRejected(this ILogger logger, string file, string record);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} KPI months from {File}")]
    public static partial void SamplesLoaded(this ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No chart of accounts at {Path}: account codes on expense lines are not checked")]
    public static partial void NoChartOfAccounts(this ILogger logger, string path);
}
