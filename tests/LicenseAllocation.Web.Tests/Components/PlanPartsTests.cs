using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The plan life-cycle parts on their own: the publish and copy dialogs, the status chip, the version history.</summary>
public sealed class PlanPartsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowPublishDialogAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<PublishPlanDialog> { { d => d.PlanId, 1 }, { d => d.Caller, Admin } };
        var dialog = await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<PublishPlanDialog>("Ban hành kế hoạch", parameters));
        provider.WaitForElement("[data-testid='publish-dialog']");
        return (provider, dialog);
    }

    private async Task<PlanStatus> StatusOfPlanOneAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Plans.Where(p => p.Id == 1).Select(p => p.Status).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_publish_dialog_warns_with_the_numbers_that_the_districts_have_not_been_allocated_in_detail()
    {
        UseCulture("vi-VN");
        var (provider, _) = await ShowPublishDialogAsync();

        provider.WaitForAssertion(() => provider.Find("[data-testid='open-below-summary']").TextContent
            .ShouldBe("12/12 huyện chưa phân bổ chi tiết; còn 3.960 bản quyền chưa giao xuống."));
        provider.Find("[data-testid='open-below-unit']").TextContent.ShouldBe("UBND 12 huyện, thành phố: còn 3.960");
        provider.Find("button[data-testid='confirm-publish']").HasAttribute("disabled").ShouldBeFalse("the letter may be issued before the districts split");
    }

    [Fact]
    public async Task The_publish_dialog_refuses_a_letter_without_a_number_in_Vietnamese_and_stays_open()
    {
        UseCulture("vi-VN");
        var (provider, dialog) = await ShowPublishDialogAsync();

        provider.Find("input[data-testid='publish-date']").Input("05/01/2021");
        provider.Find("input[data-testid='publish-signer']").Input("Giám đốc");
        provider.Find("button[data-testid='confirm-publish']").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid='publish-refusal']").TextContent
            .ShouldBe("Vui lòng nhập số, ký hiệu văn bản ban hành (không quá 64 ký tự), ví dụ 125/STTTT-CNTT."));
        dialog.Result.IsCompleted.ShouldBeFalse();
        (await StatusOfPlanOneAsync()).ShouldBe(PlanStatus.Draft);
    }

    [Fact]
    public async Task The_publish_dialog_refuses_a_date_that_is_not_day_month_year_before_asking_the_service()
    {
        UseCulture("en-US");
        var (provider, _) = await ShowPublishDialogAsync();

        provider.Find("input[data-testid='publish-number']").Input("12/STTTT-CNTT");
        provider.Find("input[data-testid='publish-date']").Input("2021-01-05");
        provider.Find("input[data-testid='publish-signer']").Input("Director");
        provider.Find("button[data-testid='confirm-publish']").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid='publish-refusal']").TextContent
            .ShouldBe("Invalid date: write it as day/month/year, for example 05/01/2021."));
    }

    [Fact]
    public async Task A_complete_letter_publishes_the_plan_and_closes_the_dialog_with_it()
    {
        UseCulture("vi-VN");
        var (provider, dialog) = await ShowPublishDialogAsync();

        provider.Find("input[data-testid='publish-number']").Input("12/STTTT-CNTT");
        provider.Find("input[data-testid='publish-date']").Input("5/1/2021");
        provider.Find("input[data-testid='publish-signer']").Input("Giám đốc");
        provider.Find("button[data-testid='confirm-publish']").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        result!.Canceled.ShouldBeFalse();
        result.Data.ShouldBeOfType<PlanSummary>().Status.ShouldBe(PlanStatus.Published);
        (await StatusOfPlanOneAsync()).ShouldBe(PlanStatus.Published);
    }

    [Fact]
    public async Task The_copy_dialog_proposes_next_year_and_closes_with_the_new_draft()
    {
        UseCulture("vi-VN");
        var plan = (await Services.GetRequiredService<PlanQueries>().GetAsync(Admin, 1, Ct)).Value!;
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<CopyPlanDialog> { { d => d.Plan, plan }, { d => d.Caller, Admin } };
        var dialog = await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CopyPlanDialog>("Sao chép kế hoạch", parameters));

        provider.WaitForAssertion(() => provider.Find("input[data-testid='copy-year']").GetAttribute("value").ShouldBe((plan.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        provider.Find("input[data-testid='copy-name']").Input("Kế hoạch năm sau");
        provider.Find("button[data-testid='confirm-copy']").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var copy = result!.Data.ShouldBeOfType<PlanSummary>();
        (copy.Name, copy.Year, copy.Status).ShouldBe(("Kế hoạch năm sau", plan.Year + 1, PlanStatus.Draft));
    }

    [Theory]
    [InlineData("vi-VN", PlanStatus.Superseded, "Đã thay thế")]
    [InlineData("en-US", PlanStatus.Published, "Published")]
    public void The_status_chip_names_the_status_in_the_readers_language(string culture, PlanStatus status, string expected)
    {
        UseCulture(culture);

        var chip = Render<PlanStatusChip>(p => p.Add(c => c.Status, status));

        chip.Find("[data-testid='plan-status']").TextContent.Trim().ShouldBe(expected);
    }

    [Fact]
    public async Task The_version_history_gives_a_published_version_its_letter_and_the_others_a_compare_link()
    {
        UseCulture("vi-VN");
        await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);
        var amendment = (await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct)).Value!;
        var first = (await Services.GetRequiredService<PlanQueries>().GetAsync(Admin, 1, Ct)).Value!;

        var history = Render<PlanVersionHistory>(p => p.Add(h => h.Versions, [first, amendment]).Add(h => h.CurrentPlanId, amendment.Id));

        var published = history.Find("[data-testid='version-1']");
        published.TextContent.ShouldContain("Phiên bản 1");
        published.TextContent.ShouldContain("Công văn số 12/STTTT-CNTT ngày 05/01/2021");
        history.Find("[data-testid='compare-with-1']").GetAttribute("href").ShouldBe($"/plans/{amendment.Id}/compare/1");
        history.FindAll($"[data-testid='compare-with-{amendment.Id}']").ShouldBeEmpty("a version is not compared with itself");
        history.Find($"[data-testid='version-{amendment.Id}']").TextContent.ShouldContain("—");
    }

    [Theory]
    [InlineData(40, "+40")]
    [InlineData(-1234, "−1.234")]
    [InlineData(0, "0")]
    public void A_difference_says_which_way_it_goes(int difference, string expected)
    {
        UseCulture("vi-VN");

        ComparisonTable.Signed(difference).ShouldBe(expected);
    }
}
