using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Plans;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The decisions card at national size: hundreds of district levels, only those in view drawn.</summary>
public sealed class DecisionsCardTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_with_hundreds_of_levels_draws_only_a_window_of_them()
    {
        var planId = await SyntheticPlan.CreateAsync(Database.Factory, 5000, Ct);
        var levels = (await new DecisionQueries(Database.Factory).ListAsync(Admin, planId, Ct)).Value!;
        levels.Count.ShouldBeGreaterThan(150);
        UseCulture("vi-VN");
        Render<MudPopoverProvider>();

        var card = Render<DecisionsCard>(p => p.Add(c => c.PlanId, planId).Add(c => c.Caller, Admin));

        card.WaitForAssertion(() => card.FindAll(".level-decision").ShouldNotBeEmpty());
        // Without a browser to measure the view, Virtualize draws its most (100) and the overscan on both sides.
        card.FindAll(".level-decision").Count.ShouldBeInRange(1, 120);
        card.Find("[data-testid='decisions-progress']").TextContent.ShouldContain($"0/{levels.Count}");
    }

    [Fact]
    public void The_2020_plan_draws_every_one_of_its_14_levels()
    {
        UseCulture("vi-VN");
        Render<MudPopoverProvider>();

        var card = Render<DecisionsCard>(p => p.Add(c => c.PlanId, 1).Add(c => c.Caller, Admin));

        card.WaitForAssertion(() => card.FindAll(".level-decision").Count.ShouldBe(14));
    }
}
