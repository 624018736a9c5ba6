using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Accounts from a workbook through the API: preview, 422 with every refused row, the passwords file once.</summary>
public sealed class UserImportApiTests : AdminApiTests
{
    private static MultipartFormDataContent Upload(params string[][] rows)
    {
        var bytes = WorkbookFiles.Create(workbook =>
        {
            var sheet = workbook.AddWorksheet("Tài khoản");
            sheet.Cell(1, 1).SetValue<string>("Tên đăng nhập");
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).SetValue<string>(rows[r][c]);
                }
            }
        });
        return FileForm(bytes, "tai-khoan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task The_accounts_are_previewed_then_created_with_the_passwords_in_the_answer_and_must_change_them()
    {
        string[] row = ["xem-phuong-11", "Lê Văn Cường", "Văn thư", "29863", "UnitViewer", "0277 3851 111", "cuong@caolanh.gov.vn"];

        var preview = await AdminClient.PostAsync("/api/v1/users/imports?dryRun=true", Upload(row), Ct);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("created").GetBoolean().ShouldBeFalse();
        body.GetProperty("rows")[0].GetProperty("unitName").GetString().ShouldBe("Phường 11");

        var created = await AdminClient.PostAsync("/api/v1/users/imports", Upload(row), Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("mat-khau-ban-dau.xlsx");
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var file = new XLWorkbook(new MemoryStream(await created.Content.ReadAsByteArrayAsync(Ct)));
        var password = file.Worksheets.First().Cell(2, 5).GetString();
        using var viewer = Portal.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Portal.TokenAsync("xem-phuong-11", password));
        (await viewer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_refused_row_is_422_with_its_row_column_and_message_and_nothing_is_created()
    {
        var response = await AdminClient.PostAsync("/api/v1/users/imports",
            Upload(["hop-le", "", "", "29863", "UnitViewer"], ["sai-email", "", "", "29863", "UnitViewer", "", "sai"]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()).ShouldBe((3, "G", "invalid-email"));
        error.GetProperty("message").GetString()!.ShouldStartWith("Địa chỉ e-mail không hợp lệ");
        (await AdminClient.GetFromJsonAsync<JsonElement[]>("/api/v1/users", Ct))!.ShouldNotContain(u => u.GetProperty("userName").GetString() == "hop-le");
    }
}
