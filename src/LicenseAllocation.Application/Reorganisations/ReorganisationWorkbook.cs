using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// The workbook form of a reorganisation, for the province administrator to fill in Excel. The first sheet holds the
/// reorganisation (B2 its name, B3 its legal basis, B4 its effective date); the second one new unit after another from row 2:
/// A kind (Tỉnh, Cơ quan, Xã, Phường, Đặc khu), B GSO code, C name, D electronic agency identifier, then the old unit it
/// takes over: E code, F name, G partial ("x"), H share, I confirmed (blank or "có"; "không" leaves it for confirmation),
/// J not held by the portal ("x"). A row whose A to D are blank adds one more old unit to the new unit above it. Cells
/// are read as stored (<see cref="WorkbookCells"/>), formulas refused, after the file passed <see cref="XlsxPackageGuard"/>.
/// </summary>
public static class ReorganisationWorkbook
{
    public const string InfoSheet = "Thông tin";
    public const string UnitsSheet = "Đơn vị mới";
    public const string GuideSheet = "Hướng dẫn";
    public const string TemplateFileName = "mau-sap-xep-don-vi.xlsx";

    public static readonly IReadOnlyList<string> InfoLabels = ["Tên đợt sắp xếp", "Căn cứ pháp lý", "Ngày hiệu lực (dd/MM/yyyy)"];

    public static readonly IReadOnlyList<string> Headings =
    [
        "Loại đơn vị mới", "Mã đơn vị mới", "Tên đơn vị mới", "Mã định danh điện tử", "Mã đơn vị cũ", "Tên đơn vị cũ",
        "Một phần (x)", "Tỷ lệ tiếp nhận", "Đã xác nhận (có/không)", "Không có trên cổng (x)",
    ];

    public static readonly IReadOnlyList<string> Guide =
    [
        "Mẫu ghi nhận một đợt sắp xếp đơn vị hành chính, nhập tại trang \"Sắp xếp đơn vị hành chính\" của cổng thông tin.",
        "1. Trang \"Thông tin\": ô B2 tên đợt sắp xếp, B3 căn cứ pháp lý (số, ngày của nghị quyết), B4 ngày hiệu lực (dd/MM/yyyy). Đơn vị cũ kết thúc vào ngày trước ngày hiệu lực.",
        "2. Trang \"Đơn vị mới\": mỗi dòng một đơn vị mới và một đơn vị cũ mà nó tiếp nhận. Đơn vị mới tiếp nhận nhiều đơn vị cũ thì các dòng sau để trống các cột A đến D.",
        "3. Cột A: Tỉnh (đúng một dòng, là gốc của cơ cấu mới), Cơ quan (cơ quan cấp tỉnh), Xã, Phường hoặc Đặc khu. Cột B: mã thống kê (đơn vị cấp xã, tỉnh); cơ quan để trống.",
        "4. Đơn vị cũ được tìm trên cổng theo mã (cột E) hoặc, khi không có mã, theo tên (cột F), trong cơ cấu của ngày trước ngày hiệu lực. Đơn vị cũ chưa từng có trên cổng (tỉnh khác) ghi x ở cột J.",
        "5. Đơn vị cũ chia cho nhiều đơn vị mới: ghi x ở cột G trên mỗi dòng; tỷ lệ ở cột H (tổng bằng 1) hoặc để trống để chia đều.",
        "6. Không dùng công thức. Cổng thông tin ghi nhận cả tệp hoặc không ghi gì: mọi lỗi được nêu theo dòng để sửa rồi tải lại.",
    ];

    private const int InfoFirstRow = 2;

    public static void WriteTemplate(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var info = workbook.AddWorksheet(InfoSheet);
        info.Cell(1, 1).SetValue<string>("Thông tin đợt sắp xếp");
        info.Cell(1, 1).Style.Font.Bold = true;
        for (var i = 0; i < InfoLabels.Count; i++)
        {
            info.Cell(InfoFirstRow + i, 1).SetValue<string>(InfoLabels[i]);
            info.Cell(InfoFirstRow + i, 2).Style.NumberFormat.Format = "@";
        }

        info.Column(1).Width = 30;
        info.Column(2).Width = 70;

        var units = workbook.AddWorksheet(UnitsSheet);
        double[] widths = [16, 12, 36, 20, 12, 36, 12, 14, 18, 18];
        for (var c = 0; c < Headings.Count; c++)
        {
            units.Cell(1, c + 1).SetValue<string>(Headings[c]);
            units.Cell(1, c + 1).Style.Font.Bold = true;
            units.Column(c + 1).Width = widths[c];
        }

        // Codes are text: a code typed into a number cell would lose its leading zeros.
        units.Columns(2, 2).Style.NumberFormat.Format = "@";
        units.Columns(5, 5).Style.NumberFormat.Format = "@";
        units.SheetView.FreezeRows(1);

        var guide = workbook.AddWorksheet(GuideSheet);
        for (var i = 0; i < Guide.Count; i++)
        {
            guide.Cell(i + 1, 1).SetValue<string>(Guide[i]);
        }

        guide.Column(1).Width = 140;
        workbook.SaveAs(output);
    }

    internal static DraftReading Read(byte[] file, ImportOptions options, CancellationToken ct)
    {
        var (sheets, unreadable) = WorkbookCells.Read(file, options, ct);
        if (unreadable is not null)
        {
            return new DraftReading(null, [ReorganisationIssue.OfFile(unreadable)]);
        }

        if (sheets.Count < 2)
        {
            return new DraftReading(null, [new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationFileEmpty)]);
        }

        var issues = new List<ReorganisationIssue>();
        var info = sheets[0];
        string? InfoText(int row) => Text(info, row, 2, issues);
        FileSpot InfoSpot(int row) => new(row, info.Name, "B");

        var dateRow = InfoFirstRow + 2;
        var (date, dateText) = Date(info[dateRow, 2]);
        if (info[dateRow, 2] is { IsFormula: true })
        {
            issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.CellFormulaNotAllowed, dateRow, info.Name, "B"));
        }

        var units = ReadUnits(sheets[1], issues);
        var draft = new ReorganisationDraft(
            InfoText(InfoFirstRow), InfoSpot(InfoFirstRow), InfoText(InfoFirstRow + 1), InfoSpot(InfoFirstRow + 1), date, dateText, InfoSpot(dateRow), units);
        return new DraftReading(draft, issues);
    }

    private static List<DraftUnit> ReadUnits(SheetCells sheet, List<ReorganisationIssue> issues)
    {
        var units = new List<(FileSpot Spot, DraftKind Kind, string? Code, string? Name, string? AgencyCode, List<DraftLink> Links)>();
        foreach (var row in sheet.Rows.Where(r => r > 1))
        {
            string? Cell(int column) => Text(sheet, row, column, issues);
            var kindText = Cell(1);
            var (code, name, agencyCode) = (Cell(2), Cell(3), Cell(4));
            var (oldCode, oldName) = (Cell(5), Cell(6));
            var spot = new FileSpot(row, sheet.Name, null);
            if (kindText is not null || code is not null || name is not null || agencyCode is not null)
            {
                var kind = Kind(kindText);
                if (kind is null)
                {
                    issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.UnitKindUnknown, row, sheet.Name, "A") { Found = kindText ?? string.Empty });
                }

                units.Add((spot, kind ?? DraftKind.Commune, code, name, agencyCode, []));
            }
            else if (oldCode is null && oldName is null)
            {
                continue;
            }
            else if (units.Count == 0)
            {
                issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.UnitKindUnknown, row, sheet.Name, "A") { Found = string.Empty });
                continue;
            }

            if (oldCode is null && oldName is null)
            {
                continue;
            }

            var share = Share(sheet[row, 8]);
            if (share.Bad)
            {
                issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.ValueNotReadable, row, sheet.Name, "H") { Found = sheet[row, 8]?.DisplayText });
            }

            units[^1].Links.Add(new DraftLink(
                spot, oldCode, oldName, Flag(sheet, row, 7, false, issues), share.Value, null, Flag(sheet, row, 9, true, issues), !Flag(sheet, row, 10, false, issues),
                "E", "F", "H"));
        }

        return [.. units.Select(u => new DraftUnit(u.Spot, u.Kind, u.Code, u.Name, u.AgencyCode, u.Links, "B", "C", "D"))];
    }

    private static DraftKind? Kind(string? text) => text is null ? null : InputText.CompareKey(text) switch
    {
        "TỈNH" or "THÀNH PHỐ" or "TỈNH, THÀNH PHỐ" => DraftKind.Province,
        "CƠ QUAN" or "CƠ QUAN CẤP TỈNH" or "SỞ, BAN, NGÀNH" => DraftKind.Agency,
        "XÃ" or "PHƯỜNG" or "ĐẶC KHU" or "THỊ TRẤN" or "CẤP XÃ" => DraftKind.Commune,
        _ => null,
    };

    private static string? Text(SheetCells sheet, int row, int column, List<ReorganisationIssue> issues)
    {
        if (sheet[row, column] is not { } cell || cell.IsBlank)
        {
            return null;
        }

        if (cell.IsFormula)
        {
            issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.CellFormulaNotAllowed, row, sheet.Name, SheetCells.ColumnLetters(column)));
            return null;
        }

        return cell.Kind == CellKind.Number ? cell.DisplayText : cell.Text;
    }

    private static bool Flag(SheetCells sheet, int row, int column, bool blank, List<ReorganisationIssue> issues)
    {
        if (Text(sheet, row, column, issues) is not { } text)
        {
            return blank;
        }

        switch (InputText.CompareKey(text))
        {
            case "X" or "CÓ" or "CO" or "YES" or "TRUE" or "1":
                return true;
            case "KHÔNG" or "KHONG" or "NO" or "FALSE" or "0":
                return false;
            default:
                issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.ValueNotReadable, row, sheet.Name, SheetCells.ColumnLetters(column)) { Found = text });
                return blank;
        }
    }

    /// <summary>A share as a number cell (0.5), a decimal with a comma or a point ("0,5"), or a percentage ("50%").</summary>
    private static (decimal? Value, bool Bad) Share(CellContent? cell)
    {
        if (cell is null || cell.IsBlank || cell.IsFormula)
        {
            return (null, false);
        }

        if (cell.Number is { } number)
        {
            return ((decimal)number, false);
        }

        var text = cell.Text.Trim().Replace(',', '.');
        var percent = text.EndsWith('%');
        return decimal.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (percent ? value / 100 : value, false)
            : (null, true);
    }

    /// <summary>A date cell (Excel's serial number) or a text dd/MM/yyyy (or yyyy-MM-dd).</summary>
    private static (DateOnly? Day, string? Text) Date(CellContent? cell)
    {
        if (cell is null || cell.IsBlank || cell.IsFormula)
        {
            return (null, null);
        }

        if (cell.Number is { } serial)
        {
            return serial is >= 1 and < 2958466 && serial == Math.Floor(serial)
                ? (DateOnly.FromDateTime(DateTime.FromOADate(serial)), cell.DisplayText)
                : (null, cell.DisplayText);
        }

        var text = cell.Text.Trim();
        return DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, text)
            : (null, text);
    }
}
