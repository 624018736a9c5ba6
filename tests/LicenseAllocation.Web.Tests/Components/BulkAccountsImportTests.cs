using Bunit;
using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Users;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The workbook of accounts on the users page: a preview, every wrong row in Vietnamese, all or nothing, the passwords once.</summary>
public sealed class BulkAccountsImportTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices()
    {
        Services.AddLogging();
        Services.AddDataProtection();
        Services.AddScoped(_ => Database.Factory.CreateDbContext());
        Services.AddIdentityCore<PortalUser>(PortalIdentityOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllocationDbContext>()
            .AddDefaultTokenProviders();
    }

    [Fact]
    public async Task A_good_workbook_is_previewed_then_created_at_once_with_the_passwords_to_download()
    {
        await CreateRolesAsync();
        var cut = Render<BulkAccountsImport>(p => p.Add(c => c.Caller, Admin));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Workbook(("xem-my-tho", "866", "UnitViewer"), ("xem-sa-dec", "866", "Người xem của đơn vị")), "tai-khoan.xlsx"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=bulk-preview], [data-testid=bulk-refused]").ShouldNotBeEmpty());
        cut.FindAll("[data-testid=bulk-refused]").ShouldBeEmpty(cut.Markup);
        cut.Find("[data-testid=bulk-preview]").TextContent.ShouldBe("Tệp tai-khoan.xlsx: 2 tài khoản sẽ được tạo.");
        cut.FindAll("[data-testid=bulk-row]").Count.ShouldBe(2);
        (await UserNamesAsync()).ShouldNotContain("xem-my-tho");

        cut.Find("[data-testid=bulk-create]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=bulk-created]").TextContent.ShouldStartWith("Đã tạo 2 tài khoản."));
        var link = cut.Find("[data-testid=bulk-passwords]");
        link.GetAttribute("download").ShouldBe("mat-khau-ban-dau.xlsx");
        var bytes = Convert.FromBase64String(link.GetAttribute("href")!.Split(',')[1]);
        using var passwords = new XLWorkbook(new MemoryStream(bytes));
        passwords.Worksheets.First().CellsUsed().Select(c => c.GetString()).ShouldContain("xem-sa-dec");
        (await UserNamesAsync()).ShouldContain("xem-my-tho");
    }

    [Fact]
    public async Task A_workbook_with_a_wrong_row_creates_nothing_and_names_the_row_the_column_and_why_in_vietnamese()
    {
        await CreateRolesAsync();
        var cut = Render<BulkAccountsImport>(p => p.Add(c => c.Caller, Admin));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Workbook(("xem-my-tho", "866", "UnitViewer"), ("xem-sa-dec", "866", "Thủ trưởng")), "tai-khoan.xlsx"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=bulk-refused]").TextContent.ShouldBe("Tệp tai-khoan.xlsx có 1 lỗi, chưa tạo tài khoản nào. Sửa các dòng dưới đây rồi chọn lại tệp."));
        var cells = cut.Find("[data-testid=bulk-issue]").QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        (cells[0], cells[1]).ShouldBe(("3", "E"));
        cells[2].ShouldNotBeNullOrWhiteSpace();
        cut.FindAll("[data-testid=bulk-create]").ShouldBeEmpty();
        (await UserNamesAsync()).ShouldNotContain("xem-my-tho");
    }

    private static byte[] Workbook(params (string UserName, string Unit, string Role)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Tài khoản");
        string[] heading = ["Tên đăng nhập", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Điện thoại", "E-mail"];
        for (var c = 0; c < heading.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue<string>(heading[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 2, 1).SetValue<string>(rows[r].UserName);
            sheet.Cell(r + 2, 4).SetValue<string>(rows[r].Unit);
            sheet.Cell(r + 2, 5).SetValue<string>(rows[r].Role);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private async Task CreateRolesAsync()
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private async Task<List<string?>> UserNamesAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Select(u => u.UserName).ToListAsync(Ct);
    }
}
