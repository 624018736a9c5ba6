using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Pages.Plans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class PlanPageTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<PlanPage> Page) RenderAs(string user, PortalRole role)
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized(user);
        _auth.SetRoles(role.ToString());
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PlanPage>(p => p.Add(x => x.PlanId, 1));
        page.WaitForElement("[data-testid='plan-name']");
        return (dialogs, page);
    }

    private static void FillAndConfirm(IRenderedComponent<MudDialogProvider> dialogs, string number, string date, string signer)
    {
        dialogs.Find("input[data-testid='publish-number']").Input(number);
        dialogs.Find("input[data-testid='publish-date']").Input(date);
        dialogs.Find("input[data-testid='publish-signer']").Input(signer);
        dialogs.Find("button[data-testid='confirm-publish']").Click();
    }

    [Fact]
    public void The_administrator_publishes_the_letter_through_the_dialog_and_its_level_locks()
    {
        var (dialogs, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.Find("button[data-testid='edit-2']").ShouldNotBeNull("a draft is edited in place");

        page.Find("button[data-testid='open-publish']").Click();
        dialogs.WaitForElement("[data-testid='publish-dialog']");
        FillAndConfirm(dialogs, "12/STTTT-CNTT", "05/01/2021", "Phó Giám đốc Nguyễn Văn An");

        page.WaitForAssertion(() => page.Find("[data-testid='plan-locked-note']").TextContent.ShouldContain("đã khóa"));
        page.Find("[data-testid='plan-status']").TextContent.ShouldBe("Đã ban hành");
        page.Find("[data-testid='plan-document']").TextContent.ShouldContain("12/STTTT-CNTT — 05/01/2021");
        page.Find("[data-testid='plan-signer']").TextContent.ShouldBe("Phó Giám đốc Nguyễn Văn An");
        page.FindAll("button[data-testid^='edit-']").ShouldBeEmpty("the letter freezes the rows directly under the province");
        page.FindAll("[data-testid='locked-explanation']").ShouldBeEmpty("the levels below stay open for their own decisions");
        page.Find("[data-testid='decision-1'] [data-testid='decision-status']").TextContent.ShouldBe("Đã ban hành");
        page.FindAll("[data-testid='decisions-card'] button[data-testid='publish-decision']").Count.ShouldBe(13, "the detailed allocation and the 12 districts are still to be decided");
        page.FindAll("[data-testid='open-publish']").ShouldBeEmpty();
        page.Find("[data-testid='create-amendment']").ShouldNotBeNull();
    }

    [Fact]
    public void An_inline_edit_moves_the_figures_of_the_level_above_without_reloading_the_page()
    {
        var (_, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.Find("[data-testid='level-remaining-1']").TextContent.ShouldBe("0");

        page.Find("button[data-testid='edit-2']").Click();
        page.Find("input[data-testid='quantity-input']").Input("64");
        page.Find("input[data-testid='reason-input']").Input("Trả lại 1 bản quyền không dùng");
        page.Find("[data-testid='quantity-editor']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => page.Find("[data-testid='level-remaining-1']").TextContent.ShouldBe("1"));
        page.FindAll("[data-testid='decisions-card'] tbody tr").Count.ShouldBe(14, "the other levels stay in place");
    }

    [Fact]
    public void A_date_not_written_day_month_year_is_explained_in_the_dialog_and_nothing_is_published()
    {
        var (dialogs, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.Find("button[data-testid='open-publish']").Click();
        dialogs.WaitForElement("[data-testid='publish-dialog']");

        FillAndConfirm(dialogs, "12/STTTT-CNTT", "2021-01-05", "Giám đốc");

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='publish-refusal']").TextContent.ShouldContain("ngày/tháng/năm"));
        page.Find("[data-testid='plan-status']").TextContent.ShouldBe("Dự thảo");
    }

    [Fact]
    public void A_letter_without_a_signer_is_refused_in_the_dialog_with_the_services_words()
    {
        var (dialogs, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.Find("button[data-testid='open-publish']").Click();
        dialogs.WaitForElement("[data-testid='publish-dialog']");

        FillAndConfirm(dialogs, "12/STTTT-CNTT", "05/01/2021", " ");

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='publish-refusal']").TextContent.ShouldBe("Vui lòng nhập người ký văn bản ban hành (không quá 200 ký tự)."));
    }

    [Fact]
    public async Task An_amendment_shows_its_version_history_and_the_compare_link()
    {
        await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);
        var amendment = (await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct)).Value!;
        UseCulture("vi-VN");
        _auth.SetAuthorized("kiem-tra");
        _auth.SetRoles(nameof(PortalRole.Auditor));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();

        var page = Render<PlanPage>(p => p.Add(x => x.PlanId, amendment.Id));

        page.WaitForAssertion(() => page.Find("[data-testid='version-history']").TextContent.ShouldContain("Phiên bản 1"));
        page.Find("[data-testid='version-status-1']").TextContent.ShouldBe("Đã ban hành");
        page.Find("[data-testid='compare-previous']").GetAttribute("href").ShouldBe($"/plans/{amendment.Id}/compare/1");
        page.Find("[data-testid='compare-with-1']").GetAttribute("href").ShouldBe($"/plans/{amendment.Id}/compare/1");
        page.FindAll("[data-testid='plan-actions']").ShouldBeEmpty("an auditor only reads");
        amendment.Status.ShouldBe(PlanStatus.Draft);
    }

    [Fact]
    public void A_viewer_is_offered_neither_publishing_nor_the_product_form()
    {
        var (_, page) = RenderAs("xem", PortalRole.Auditor);

        page.FindAll("[data-testid='plan-actions']").ShouldBeEmpty();
        page.FindAll("[data-testid='product-form']").ShouldBeEmpty();
        page.FindAll("[data-testid='open-product-form']").ShouldBeEmpty();
    }

    [Fact]
    public void The_administrator_fills_in_the_product_after_the_tender()
    {
        var (_, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.FindAll("[data-testid='product-form']").ShouldBeEmpty("the fields open on request");

        page.Find("button[data-testid='open-product-form']").Click();
        page.Find("input[data-testid='product-name']").Input("Kaspersky Endpoint Security for Business");
        page.Find("input[data-testid='product-vendor']").Input("Kaspersky Lab");
        page.Find("input[data-testid='product-start']").Input("01/03/2021");
        page.Find("input[data-testid='product-end']").Input("01/03/2021");
        page.Find("button[data-testid='save-product']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='product-refusal']").TextContent.ShouldBe("Ngày hết hạn bản quyền phải sau ngày bắt đầu."));

        page.Find("input[data-testid='product-end']").Input("28/02/2024");
        page.Find("button[data-testid='save-product']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='plan-product']").TextContent
            .ShouldBe("Kaspersky Endpoint Security for Business — Kaspersky Lab — bản quyền từ 01/03/2021 đến 28/02/2024"));
        page.FindAll("[data-testid='product-form']").ShouldBeEmpty("the form closes once saved");
    }

    [Fact]
    public void Cancelling_the_product_form_keeps_the_product_as_it_was()
    {
        var (_, page) = RenderAs("admin", PortalRole.ProvinceAdmin);
        var before = page.Find("[data-testid='plan-product']").TextContent;

        page.Find("button[data-testid='open-product-form']").Click();
        page.Find("input[data-testid='product-name']").Input("Sản phẩm khác");
        page.Find("button[data-testid='cancel-product']").Click();

        page.FindAll("[data-testid='product-form']").ShouldBeEmpty();
        page.Find("[data-testid='plan-product']").TextContent.ShouldBe(before);
        page.Find("button[data-testid='open-product-form']").Click();
        page.Find("input[data-testid='product-name']").GetAttribute("value").ShouldNotBe("Sản phẩm khác", "a reopened form starts from the saved product");
    }
}
