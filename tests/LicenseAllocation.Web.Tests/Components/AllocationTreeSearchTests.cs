using System.Globalization;
using System.Text;
using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Allocation;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The tree at national size: a window of rows rendered, units found by name or code, filters, keyboard editing.</summary>
public sealed class AllocationTreeSearchTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<AllocationTree> RenderAllocationTree(int planId = 1, string culture = "vi-VN")
    {
        UseCulture(culture);
        Render<MudPopoverProvider>();
        var tree = Render<AllocationTree>(p => p.Add(t => t.PlanId, planId).Add(t => t.Caller, Admin));
        tree.WaitForAssertion(() => tree.FindAll("tr[data-testid^='row-']").ShouldNotBeEmpty());
        return tree;
    }

    private static int LineCount(IRenderedComponent<AllocationTree> tree) =>
        int.Parse(tree.Find("[data-testid='allocation-tree']").GetAttribute("data-row-count")!, CultureInfo.InvariantCulture);

    private static List<string> RenderedNames(IRenderedComponent<AllocationTree> tree) =>
        [.. tree.FindAll("tr[data-testid^='row-']").Select(r => r.GetAttribute("data-unit-name")!)];

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task An_expanded_tree_of_5000_units_renders_only_a_window_of_rows()
    {
        var planId = await SyntheticPlan.CreateAsync(Database.Factory, 5000, Ct);
        var tree = RenderAllocationTree(planId);

        tree.Find("button[data-testid='expand-all']").Click();

        tree.WaitForAssertion(() => LineCount(tree).ShouldBe(5000));
        tree.FindAll("tr[data-testid^='row-']").Count.ShouldBeInRange(1, 200);
    }

    [Fact]
    public void A_commune_typed_without_diacritics_is_found_with_the_path_to_it_open()
    {
        var tree = RenderAllocationTree();

        tree.Find("input[data-testid='tree-search']").Input("xa tan kieu");

        tree.WaitForAssertion(() => RenderedNames(tree).ShouldBe(["Tỉnh Đồng Tháp", "UBND 12 huyện, thành phố", "Huyện Tháp Mười", "Xã Tân Kiều"]));
        tree.Find("[data-testid='tree-match-count']").TextContent.ShouldBe("Tìm thấy 1 đơn vị");
        tree.FindAll(".tree-match").Select(m => m.TextContent).ShouldBe(["Xã Tân Kiều"]);
    }

    [Fact]
    public void A_name_typed_in_decomposed_unicode_and_a_gso_code_find_the_same_commune()
    {
        var tree = RenderAllocationTree();
        var search = tree.Find("input[data-testid='tree-search']");

        search.Input("Tân Kiều".Normalize(NormalizationForm.FormD));
        tree.WaitForAssertion(() => RenderedNames(tree).ShouldContain("Xã Tân Kiều"));

        var code = tree.Find("tr[data-unit-name='Xã Tân Kiều'] td:nth-child(2)").TextContent;
        tree.Find("input[data-testid='tree-search']").Input(code);
        tree.WaitForAssertion(() => tree.FindAll(".tree-match").Select(m => m.TextContent).ShouldBe(["Xã Tân Kiều"]));
    }

    [Fact]
    public async Task Showing_a_match_in_the_tree_opens_its_district_and_keeps_the_rest_closed()
    {
        var tree = RenderAllocationTree();
        tree.Find("input[data-testid='tree-search']").Input("xa tan kieu");
        var tanKieu = await UnitIdAsync("Xã Tân Kiều");
        tree.WaitForAssertion(() => tree.Find($"button[data-testid='reveal-{tanKieu}']"));

        tree.Find($"button[data-testid='reveal-{tanKieu}']").Click();

        // The province's 23 rows, the 12 districts, and the communes and agencies of Tháp Mười.
        tree.WaitForAssertion(() => tree.Instance.State!.Filter.IsEmpty.ShouldBeTrue());
        var thapMuoi = tree.Instance.State!.Find(await UnitIdAsync("Huyện Tháp Mười"))!;
        LineCount(tree).ShouldBe(1 + 23 + 12 + thapMuoi.ChildCount);
        tree.Instance.State.FocusedUnitId.ShouldBe(tanKieu);
    }

    [Fact]
    public void The_kind_filter_lists_the_twelve_district_committees()
    {
        var tree = RenderAllocationTree();

        tree.Find("select[data-testid='tree-filter-kind']").Change(nameof(UnitKind.DistrictCommittee));

        tree.WaitForAssertion(() => tree.FindAll(".tree-match").Count.ShouldBe(SeedFacts.Districts));
        tree.Find("select[data-testid='tree-filter-kind'] option[value='DistrictCommittee']").TextContent.ShouldBe("UBND cấp huyện");

        tree.Find("select[data-testid='tree-filter-kind']").Change("");
        tree.WaitForAssertion(() => tree.FindAll(".tree-match").ShouldBeEmpty("any kind is no filter"));
    }

    [Fact]
    public void Units_with_licences_left_to_hand_on_are_the_district_group_before_the_districts_split_anything()
    {
        var tree = RenderAllocationTree();

        tree.Find("[data-testid='tree-filter-has-room'] input, input[data-testid='tree-filter-has-room']").Change(true);

        tree.WaitForAssertion(() => tree.FindAll(".tree-match").Select(m => m.TextContent).ShouldBe(["UBND 12 huyện, thành phố"]));
    }

    [Fact]
    public void Units_not_yet_allocated_are_the_districts_and_communes_of_the_2020_plan()
    {
        var tree = RenderAllocationTree();

        tree.Find("[data-testid='tree-filter-unallocated'] input, input[data-testid='tree-filter-unallocated']").Change(true);

        tree.WaitForAssertion(() => tree.Find("[data-testid='tree-match-count']").TextContent
            .ShouldBe($"Tìm thấy {SeedFacts.Districts + SeedFacts.Communes} đơn vị"));
        tree.FindAll("tr[data-testid^='row-']").Where(r => r.QuerySelector(".tree-match") is not null)
            .ShouldAllBe(r => r.QuerySelector("[data-testid^='quantity-']")!.TextContent == "0");
    }

    [Fact]
    public void Enter_saves_the_edit_and_the_parent_shows_what_was_freed()
    {
        var tree = RenderAllocationTree();
        tree.Find("button[data-testid='edit-2']").Click();

        tree.Find("input[data-testid='quantity-input']").Input("64");
        tree.Find("input[data-testid='reason-input']").Input("Trả lại 1 bản quyền không dùng");
        tree.Find("[data-testid='quantity-editor']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        tree.WaitForAssertion(() => tree.FindAll("[data-testid='editor-row']").ShouldBeEmpty());
        tree.Find("[data-testid='quantity-2']").TextContent.ShouldBe("64");
        tree.Find("[data-testid='remaining-1']").TextContent.ShouldBe("1");
    }

    [Fact]
    public void Escape_closes_the_editor_without_saving()
    {
        var tree = RenderAllocationTree();
        var before = tree.Find("[data-testid='quantity-2']").TextContent;
        tree.Find("button[data-testid='edit-2']").Click();
        tree.Find("input[data-testid='quantity-input']").Input("1");

        tree.Find("[data-testid='quantity-editor']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        tree.WaitForAssertion(() => tree.FindAll("[data-testid='editor-row']").ShouldBeEmpty());
        tree.Find("[data-testid='quantity-2']").TextContent.ShouldBe(before);
    }

    [Fact]
    public void The_tree_reads_in_english_with_english_numbers()
    {
        var tree = RenderAllocationTree(culture: "en-US");

        tree.Find("[data-testid='quantity-1']").TextContent.ShouldBe("5,137");
        tree.Find("button[data-testid='expand-all']").TextContent.Trim().ShouldBe("Expand all");
        tree.Find("tr[data-testid='row-2'] td:nth-child(3)").TextContent.ShouldBe("Provincial agency");
    }
}
