namespace ExecReports.Core.Reports.Engineering;

public enum DoraLevel { Elite, High, Medium, Low }

// DORA's four keys bucketed with the published (2023-style simplified) bands.
public static class Dora
{
    // Deployments in a month: daily or more ≈ 30+, weekly ≈ 4+, monthly = 1+.
    public const int EliteDeploymentsPerMonth = 30;
    public const int HighDeploymentsPerMonth = 4;
    public const int MediumDeploymentsPerMonth = 1;

    public const decimal DayHours = 24m;
    public const decimal WeekHours = 168m;
    public const decimal MonthHours = 720m;

    public const decimal EliteChangeFailMax = 0.15m;
    public const decimal HighChangeFailMax = 0.30m;
    public const decimal MediumChangeFailMax = 0.45m;

    public static DoraLevel DeploymentFrequency(decimal deploymentsPerMonth) => deploymentsPerMonth switch
    {
        >= EliteDeploymentsPerMonth => DoraLevel.Elite,
        >= HighDeploymentsPerMonth => DoraLevel.High,
        >= MediumDeploymentsPerMonth => DoraLevel.Medium,
        _ => DoraLevel.Low,
    };

    public static DoraLevel LeadTime(decimal hours) => hours switch
    {
        < DayHours => DoraLevel.Elite,
        <= WeekHours => DoraLevel.High,
        <= MonthHours => DoraLevel.Medium,
        _ => DoraLevel.Low,
    };

    public static DoraLevel ChangeFailRate(decimal rate) => rate switch
    {
        <= EliteChangeFailMax => DoraLevel.Elite,
        <= HighChangeFailMax => DoraLevel.High,
        <= MediumChangeFailMax => DoraLevel.Medium,
        _ => DoraLevel.Low,
    };

    public static DoraLevel TimeToRestore(decimal hours) => hours switch
    {
        < 1m => DoraLevel.Elite,
        < DayHours => DoraLevel.High,
        <= WeekHours => DoraLevel.Medium,
        _ => DoraLevel.Low,
    };

    // Elite 100%, high 75%, medium 50%, low 25% of the DORA part of the CI/CD score.
    public static decimal Points(DoraLevel level) => level switch
    {
        DoraLevel.Elite => 1m,
        DoraLevel.High => 0.75m,
        DoraLevel.Medium => 0.5m,
        _ => 0.25m,
    };

    public static string Word(DoraLevel level) => level.ToString().ToLowerInvariant();
}
