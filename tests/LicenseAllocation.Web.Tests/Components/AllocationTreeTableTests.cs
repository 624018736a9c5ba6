using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Allocation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class AllocationTreeTableTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private async Task<IRenderedComponent<AllocationTreeTable>> RenderTreeAsync()
    {
        UseCulture("vi-VN");
        var rows = (await Services.GetRequiredService<AllocationQueries>().GetTreeAsync(Admin, 1, Xunit.TestContext.Current.CancellationToken)).Value!;
        return Render<AllocationTreeTable>(p => p
            .Add(t => t.PlanId, 1)
            .Add(t => t.Rows, rows)
            .Add(t => t.Caller, Admin));
    }

    private static int RowCount(IRenderedComponent<AllocationTreeTable> tree) => tree.FindAll("tr[data-testid^='row-']").Count;

    [Fact]
    public async Task The_province_opens_on_its_23_appendix_rows_and_districts_open_on_demand()
    {
        var tree = await RenderTreeAsync();

        RowCount(tree).ShouldBe(1 + 23);
        tree.Find("[data-testid='quantity-1']").TextContent.ShouldBe("5.137");

        tree.Find("[data-testid='toggle-24'] button, button[data-testid='toggle-24']").Click();
        RowCount(tree).ShouldBe(1 + 23 + 12);
    }

    [Fact]
    public async Task Before_the_live_connection_is_up_the_buttons_are_disabled_rather_than_dead()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var tree = await RenderTreeAsync();

        tree.Find("button[data-testid='expand-all']").HasAttribute("disabled").ShouldBeTrue();
        tree.Find("button[data-testid='edit-2']").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Expanding_everything_shows_the_whole_2020_tree()
    {
        var tree = await RenderTreeAsync();

        tree.Find("[data-testid='expand-all']").Click();

        RowCount(tree).ShouldBe(179);
        tree.Find("[data-testid='collapse-all']").Click();
        RowCount(tree).ShouldBe(24);
    }

    [Fact]
    public async Task A_refused_change_is_explained_in_the_editor_with_the_numbers()
    {
        var tree = await RenderTreeAsync();
        tree.Find("button[data-testid='edit-3']").Click();

        tree.Find("input[data-testid='quantity-input']").Input("100");
        tree.Find("input[data-testid='reason-input']").Input("Tăng cho nhu cầu mới");
        tree.Find("button[data-testid='save-quantity']").Click();

        tree.WaitForAssertion(() => tree.Find("[data-testid='refusal-message']").TextContent
            .ShouldContain("chỉ còn 0 bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa 24 (đã nhập 100)"));
    }

    [Fact]
    public async Task A_change_without_a_reason_is_refused_in_the_editor()
    {
        var tree = await RenderTreeAsync();
        tree.Find("button[data-testid='edit-2']").Click();

        tree.Find("input[data-testid='quantity-input']").Input("60");
        tree.Find("button[data-testid='save-quantity']").Click();

        tree.WaitForAssertion(() => tree.Find("[data-testid='refusal-message']").TextContent.ShouldContain("lý do"));
    }
}
