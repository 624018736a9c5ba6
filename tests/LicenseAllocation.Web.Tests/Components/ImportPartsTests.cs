using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Components.Import;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The import page's parts on their own: the preview, the error list, and when a file may be applied.</summary>
public sealed class ImportPartsTests : ComponentTestContext
{
    private static readonly ImportSource Template = new(ImportKind.Template, 866, "Thành phố Cao Lãnh");

    private static ImportReport Preview(params ImportChange[] changes) => new(false, Template, changes, []);

    [Fact]
    public void The_preview_lists_each_changed_unit_with_its_old_and_new_quantity()
    {
        UseCulture("vi-VN");
        var report = Preview(
            new ImportChange("Phân bổ", 9, 11, "29863", "Phường 11", 0, 1250),
            new ImportChange("Phân bổ", 10, 12, "29864", "Phường 1", 60, 0));

        var table = Render<ImportChangesTable>(p => p.Add(t => t.Report, report));

        var ward11 = table.Find("[data-testid='import-change-11']");
        ward11.TextContent.ShouldContain("Phân bổ / 9");
        ward11.TextContent.ShouldContain("Phường 11");
        ward11.QuerySelector("[data-testid='import-change-old']")!.TextContent.ShouldBe("0");
        ward11.QuerySelector("[data-testid='import-change-new']")!.TextContent.ShouldBe("1.250");
        table.Find("[data-testid='import-change-12'] [data-testid='import-change-old']").TextContent.ShouldBe("60");
        table.FindAll("[data-testid='import-no-change']").ShouldBeEmpty();
    }

    [Fact]
    public void The_totals_give_the_units_quota_handed_on_and_remaining_before_and_after_in_Vietnamese_numbers()
    {
        UseCulture("vi-VN");
        var report = Preview(new ImportChange("Phân bổ", 9, 11, "29863", "Phường 11", 0, 250)) with { Totals = new ImportTotals(5137, 1000, 1250) };

        var totals = Render<ImportTotalsPanel>(p => p.Add(t => t.Report, report));

        totals.Markup.ShouldContain("Tổng số của Thành phố Cao Lãnh trước và sau khi nhập");
        Cells(totals, "import-totals-allocated").ShouldBe(["Được giao", "5.137", "5.137"]);
        Cells(totals, "import-totals-handed-on").ShouldBe(["Đã phân bổ tiếp", "1.000", "1.250"]);
        Cells(totals, "import-totals-remaining").ShouldBe(["Còn lại", "4.137", "3.887"]);
        totals.Find("[data-testid='import-totals'] thead").TextContent.ShouldContain("Sau khi nhập");
    }

    [Fact]
    public void Without_a_change_or_once_applied_the_totals_say_so()
    {
        UseCulture("en-US");
        var change = new ImportChange("Phân bổ", 9, 11, "29863", "Phường 11", 0, 250);
        var totals = new ImportTotals(300, 0, 250);

        var unchanged = Render<ImportTotalsPanel>(p => p.Add(t => t.Report, Preview() with { Totals = totals }));
        var applied = Render<ImportTotalsPanel>(p => p.Add(t => t.Report, new ImportReport(true, Template, [change], [], Guid.NewGuid()) { Totals = totals }));

        unchanged.FindAll("[data-testid='import-totals']").ShouldBeEmpty();
        applied.Find("[data-testid='import-totals'] thead").TextContent.ShouldContain("After applying");
        Cells(applied, "import-totals-remaining").ShouldBe(["Remaining", "300", "50"]);
    }

    [Fact]
    public void The_apply_bar_takes_the_document_the_change_is_based_on()
    {
        UseCulture("vi-VN");
        string? typed = null;

        var bar = Render<ImportApplyBar>(p => p.Add(b => b.CanApply, true).Add(b => b.DocumentRefChanged, (string? value) => typed = value));
        bar.Find("input[data-testid='import-document-ref']").Input("Quyết định số 45/QĐ-UBND");

        typed.ShouldBe("Quyết định số 45/QĐ-UBND");
        bar.Markup.ShouldContain("Căn cứ văn bản (nếu có)");
    }

    private static List<string> Cells(IRenderedComponent<ImportTotalsPanel> totals, string row) =>
        [.. totals.Find($"[data-testid='{row}']").Children.Select(c => c.TextContent.Trim())];

    [Fact]
    public void A_valid_file_that_changes_nothing_says_so_instead_of_an_empty_table()
    {
        UseCulture("en-US");

        var table = Render<ImportChangesTable>(p => p.Add(t => t.Report, Preview()));

        table.FindAll("[data-testid='import-changes']").ShouldBeEmpty();
        table.Find("[data-testid='import-no-change']").TextContent.ShouldBe("The file changes no quantity and no need.");
    }

    [Fact]
    public void Each_error_is_listed_by_sheet_row_and_column_under_a_count()
    {
        UseCulture("vi-VN");
        IReadOnlyList<ImportIssue> errors =
        [
            new(ImportErrorCode.QuantityNotANumber, "Phân bổ", 9, "E") { Found = "bốn mươi" },
            new(ImportErrorCode.QuantityNotANumber, "Phân bổ", 12, "E") { Found = "x" },
        ];

        var list = Render<ImportErrorList>(p => p.Add(l => l.Errors, errors));

        list.Find("[data-testid='import-error-summary']").TextContent.ShouldContain("Tệp có 2 lỗi");
        var first = list.FindAll("[data-testid='import-error']")[0];
        first.GetAttribute("data-code").ShouldBe("quantity-not-a-number");
        first.Children.Select(cell => cell.TextContent).ShouldBe(["Phân bổ", "9", "E", "Số lượng phải là một số, ô đang chứa \"bốn mươi\"."]);
    }

    [Fact]
    public async Task An_auditor_is_told_that_importing_is_not_theirs_and_offered_no_file_choice()
    {
        UseCulture("vi-VN");
        var auditor = new Caller("kiemtra", PortalRole.Auditor);
        var plan = (await Services.GetRequiredService<PlanQueries>().GetAsync(auditor, 1, Xunit.TestContext.Current.CancellationToken)).Value!;

        var workspace = Render<ImportWorkspace>(p => p.Add(w => w.Plan, new PlanContext(plan, auditor)));

        workspace.Find("[data-testid='import-problem']").TextContent.ShouldNotBeNullOrWhiteSpace();
        workspace.FindAll("[data-testid='import-choose-file']").ShouldBeEmpty();
    }

    [Fact]
    public void A_file_may_be_applied_once_after_a_preview_without_errors_that_changes_something()
    {
        var state = new ImportState();
        var change = new ImportChange("Phân bổ", 9, 11, "29863", "Phường 11", 0, 40);

        state.Choose("mau.xlsx");
        state.Read([1, 2, 3]);
        state.CanApply.ShouldBeFalse("not previewed yet");

        state.Show(new ImportReport(false, Template, [change], [new ImportIssue(ImportErrorCode.QuantityNotANumber, "Phân bổ", 10, "E")]));
        state.CanApply.ShouldBeFalse("the file has an error");

        state.Show(Preview(change));
        state.Reason = "Phân bổ theo mẫu";
        state.DocumentRef = "Quyết định số 45/QĐ-UBND";
        state.CanApply.ShouldBeTrue();

        state.Show(new ImportReport(true, Template, [change], [], Guid.NewGuid()));
        state.CanApply.ShouldBeFalse("applying it again would be a second change set");
        (state.File, state.Reason, state.DocumentRef).ShouldBe((null, null, null));
    }

    [Fact]
    public void Choosing_another_file_forgets_the_previous_preview()
    {
        var state = new ImportState();
        state.Choose("mau.xlsx");
        state.Read([1]);
        state.Show(Preview(new ImportChange("Phân bổ", 9, 11, "29863", "Phường 11", 0, 40)));

        state.Choose("khac.xlsx");

        (state.FileName, state.File, state.Report, state.CanApply).ShouldBe(("khac.xlsx", null, null, false));
    }
}
