using FluentAssertions;
using RunbookRunner.Core.Planning;
using static RunbookRunner.Core.Tests.Planning.PlanFixtures;

namespace RunbookRunner.Core.Tests.Planning;

public class RunForecastTests
{
    private static readonly RunPlan Plan = RunPlanner.Plan(
        Book(
            Act("backup", at: "T-2h"),
            Wait("migrate", "30m"),
            Act("deploy"),
            Act("cutover", at: "T+0"),
            Act("announce")),
        T0,
        null);

    [Fact]
    public void Forecast_NothingHappenedBeforeTheRun_MatchesThePlan()
    {
        var forecast = RunPlanner.Forecast(Plan, new Dictionary<string, StepActual>(), T0 - TimeSpan.FromHours(3));

        forecast.Steps.Select(s => s.ForecastStart).Should().Equal(Plan.Steps.Select(s => s.PlannedStart));
        forecast.Steps.Should().OnlyContain(s => s.Lateness == TimeSpan.Zero && s.Status == ForecastStatus.Pending);
        forecast.Behind.Should().Be(TimeSpan.Zero);
        forecast.FinishLateness.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Forecast_StepFinishedLate_PushesDependentsAndReportsHowFarBehind()
    {
        var now = T0 - Min(60);
        var actuals = new Dictionary<string, DateTimeOffset> { ["backup"] = T0 - Min(70) };

        var forecast = RunPlanner.Forecast(Plan, actuals, now);

        forecast.FindStep("backup")!.Status.Should().Be(ForecastStatus.Done);
        forecast.FindStep("backup")!.Lateness.Should().Be(Min(50));
        forecast.FindStep("migrate")!.ForecastStart.Should().Be(now, "it cannot start before now");
        forecast.FindStep("deploy")!.ForecastStart.Should().Be(now + Min(30));
        forecast.FindStep("deploy")!.Lateness.Should().Be(Min(60));
        forecast.Behind.Should().Be(Min(60));
    }

    [Fact]
    public void Forecast_DelayBeforeAnAnchor_IsAbsorbedByTheAnchor()
    {
        var actuals = new Dictionary<string, DateTimeOffset> { ["backup"] = T0 - Min(70) };

        var forecast = RunPlanner.Forecast(Plan, actuals, T0 - Min(60));

        var cutover = forecast.NextTimedSteps.Should().ContainSingle().Subject;
        cutover.Id.Should().Be("cutover");
        cutover.ForecastStart.Should().Be(T0);
        cutover.Lateness.Should().Be(TimeSpan.Zero);
        forecast.FinishLateness.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Forecast_DelayPastAnAnchor_MakesTheTimedStepLate()
    {
        var actuals = new Dictionary<string, StepActual>
        {
            ["backup"] = StepActual.Finished(T0 - Min(120), T0 - Min(110)),
            ["migrate"] = StepActual.Running(T0 - Min(100)),
        };

        var forecast = RunPlanner.Forecast(Plan, actuals, T0 + Min(20));

        forecast.FindStep("migrate")!.Status.Should().Be(ForecastStatus.Running);
        forecast.FindStep("migrate")!.ForecastFinish.Should().Be(T0 + Min(20), "a running step finishes no earlier than now");
        forecast.FindStep("cutover")!.ForecastStart.Should().Be(T0 + Min(20));
        forecast.FindStep("cutover")!.Lateness.Should().Be(Min(20));
        forecast.FindStep("cutover")!.ClockTime.TimeOfDay.Should().Be("12:20");
        forecast.Behind.Should().Be(TimeSpan.FromMinutes(110), "migrate was planned to finish at T-1h30m");
        forecast.FinishLateness.Should().Be(Min(20));
    }

    [Fact]
    public void Forecast_StepsFinishedEarly_DoNotMoveAnchoredStepsEarlier()
    {
        var actuals = new Dictionary<string, DateTimeOffset>
        {
            ["backup"] = T0 - Min(120),
            ["migrate"] = T0 - Min(110),
            ["deploy"] = T0 - Min(110),
        };

        var forecast = RunPlanner.Forecast(Plan, actuals, T0 - Min(100));

        forecast.FindStep("migrate")!.Lateness.Should().Be(-Min(20), "it was planned to finish at T-1h30m");
        forecast.FindStep("cutover")!.ForecastStart.Should().Be(T0);
        forecast.Behind.Should().Be(TimeSpan.Zero);
    }
}
