using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Allocation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class AllocationTreeTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private Task<IRenderedComponent<AllocationTree>> RenderTreeAsync()
    {
        UseCulture("vi-VN");
        Render<MudBlazor.MudPopoverProvider>();
        var tree = Render<AllocationTree>(p => p
            .Add(t => t.PlanId, 1)
            .Add(t => t.Caller, Admin));
        tree.WaitForAssertion(() => tree.Instance.State!.Items.ShouldNotBeEmpty());
        return Task.FromResult(tree);
    }

    // The lines the tree holds open; the rendered ones are a window onto them (see the virtualization test).
    private static int RowCount(IRenderedComponent<AllocationTree> tree) =>
        int.Parse(tree.Find("[data-testid='allocation-tree']").GetAttribute("data-row-count")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_province_opens_on_its_23_appendix_rows_and_districts_open_on_demand()
    {
        var tree = await RenderTreeAsync();

        RowCount(tree).ShouldBe(1 + 23);
        tree.Find("[data-testid='quantity-1']").TextContent.ShouldBe("5.137");

        tree.Find("button[data-testid='toggle-24']").Click();
        tree.WaitForAssertion(() => RowCount(tree).ShouldBe(1 + 23 + 12));
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

        tree.Find("button[data-testid='expand-all']").Click();

        tree.WaitForAssertion(() => RowCount(tree).ShouldBe(179));
        tree.Find("button[data-testid='collapse-all']").Click();
        tree.WaitForAssertion(() => RowCount(tree).ShouldBe(24));
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

    [Fact]
    public async Task Opening_the_editor_draws_only_the_rows_that_change()
    {
        var tree = await RenderTreeAsync();
        var rows = tree.FindComponents<AllocationTreeRow>();
        rows.Count.ShouldBeGreaterThan(20);
        var before = rows.ToDictionary(r => r.Instance.Item.UnitId, r => r.RenderCount);

        tree.Find("button[data-testid='edit-3']").Click();

        tree.WaitForAssertion(() => tree.Find("input[data-testid='quantity-input']"));
        var drawnAgain = tree.FindComponents<AllocationTreeRow>()
            .Where(r => before.TryGetValue(r.Instance.Item.UnitId, out var count) && r.RenderCount > count)
            .Select(r => r.Instance.Item.UnitId)
            .ToList();
        drawnAgain.ShouldBe([3]);
    }

    [Fact]
    public async Task A_saved_change_shows_on_its_row_and_moves_what_the_province_has_handed_on()
    {
        var tree = await RenderTreeAsync();
        var root = tree.Instance.State!.Items[0];
        var handedOn = root.Node.HandedOn;
        var unit = tree.Instance.State.Items.First(i => i.UnitId == 3);
        var quantity = unit.Node.Quantity;

        tree.Find("button[data-testid='edit-3']").Click();
        tree.Find("input[data-testid='quantity-input']").Input((quantity - 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        tree.Find("input[data-testid='reason-input']").Input("Chuyển bớt về dự phòng");
        tree.Find("button[data-testid='save-quantity']").Click();

        tree.WaitForAssertion(() =>
        {
            tree.FindAll("input[data-testid='quantity-input']").ShouldBeEmpty();
            tree.Find("tr[data-testid='row-3']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldContain((quantity - 5).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
            tree.Instance.State!.Items[0].Node.HandedOn.ShouldBe(handedOn - 5);
        });
        var rootRow = tree.Find($"tr[data-testid='row-{root.UnitId}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim());
        rootRow.ShouldContain((handedOn - 5).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
    }

    // Virtualize draws its rows by position: when lines are inserted above (a district opened, the window moved once the
    // browser measured it), the row component that drew one unit is handed another. A click the browser sends from the
    // rows it shows, before the new ones reach it, carries the handler of the button it showed; the server must run it for
    // the unit that button was drawn for. It used to run it for whatever that row component held by then: the editor opened
    // under another unit, and the quantity typed was refused as that unit's (or saved on it).
    [Fact]
    public async Task A_click_sent_from_rows_drawn_before_lines_were_inserted_above_opens_the_unit_it_was_shown_on()
    {
        var tree = await RenderTreeAsync();
        tree.Find("button[data-testid='toggle-24']").Click();
        tree.WaitForAssertion(() => RowCount(tree).ShouldBe(1 + 23 + 12));
        var districts = tree.Instance.State!.Items.Where(i => i.Node.ParentUnitId == 24).ToList();
        var (first, second) = (districts[0], districts[1]);
        first.HasChildren.ShouldBeTrue();
        var shownHandler = ulong.Parse(tree.Find($"button[data-testid='edit-{second.UnitId}']").GetAttribute("blazor:onclick")!, System.Globalization.CultureInfo.InvariantCulture);

        tree.Find($"button[data-testid='toggle-{first.UnitId}']").Click();
        tree.WaitForAssertion(() => RowCount(tree).ShouldBe(1 + 23 + 12 + first.ChildCount));
#pragma warning disable BL0006 // The click is sent as the browser sends it: by the id of the handler the button was drawn with.
        await tree.InvokeAsync(() => Renderer.DispatchEventAsync(shownHandler, new Microsoft.AspNetCore.Components.RenderTree.EventFieldInfo(), new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));
#pragma warning restore BL0006

        tree.WaitForAssertion(() => tree.Instance.State!.EditingUnitId.ShouldBe(second.UnitId));
        tree.Find("tr[data-testid='editor-row']").PreviousElementSibling!.GetAttribute("data-testid").ShouldBe($"row-{second.UnitId}");
    }
}
