using System.Globalization;
using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Explains an import issue to the official who uploaded the file, in Vietnamese unless they asked for English, with what
/// was found and the limit, so that the file can be corrected without a phone call. Where the issue is about a row, the
/// page and the API show the sheet, row and column beside the message.
/// </summary>
public static class ImportMessages
{
    public static string Describe(ImportIssue issue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        var found = issue.Found ?? string.Empty;
        string N(long? value) => (value ?? 0).ToString("N0", culture);
        string Figure() => double.TryParse(found, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("#,##0.##########", culture)
            : found;
        string Size(long? bytes) => (bytes ?? 0) >= 1024 * 1024
            ? ((bytes ?? 0) / (1024.0 * 1024)).ToString("N1", culture) + " MB"
            : ((bytes ?? 0) / 1024.0).ToString("N0", culture) + " KB";

        return (issue.Code, english) switch
        {
            (ImportErrorCode.FileTooLarge, false) => $"Tệp quá lớn ({Size(issue.Actual)}); cổng thông tin nhận tệp đến {Size(issue.Limit)}.",
            (ImportErrorCode.FileTooLarge, true) => $"The file is too large ({Size(issue.Actual)}); the portal accepts files up to {Size(issue.Limit)}.",
            (ImportErrorCode.TooManyParts, false) => $"Tệp nén chứa {N(issue.Actual)} thành phần (tối đa {N(issue.Limit)}): đây không phải một bảng tính bình thường, tệp không được đọc.",
            (ImportErrorCode.TooManyParts, true) => $"The package holds {N(issue.Actual)} parts (at most {N(issue.Limit)}): this is not an ordinary workbook and was not read.",
            (ImportErrorCode.ContentTooLarge, false) => $"Nội dung của tệp khi giải nén quá lớn (tối đa {Size(issue.Limit)}): tệp có thể là \"bom nén\" và không được đọc.",
            (ImportErrorCode.ContentTooLarge, true) => $"The file's content is too large once decompressed (at most {Size(issue.Limit)}): it may be a zip bomb and was not read.",
            (ImportErrorCode.SuspiciousCompression, false) => $"Phần {found} của tệp có tỷ lệ nén bất thường (hơn {N(issue.Limit)} lần): tệp có thể là \"bom nén\" và không được đọc.",
            (ImportErrorCode.SuspiciousCompression, true) => $"Part {found} of the file is compressed more than {N(issue.Limit)} times: it may be a zip bomb and was not read.",
            (ImportErrorCode.NotXlsx, false) => "Tệp không phải bảng tính Excel (.xlsx). Hãy tải lên tệp mẫu đã điền, lưu ở định dạng Excel Workbook (.xlsx).",
            (ImportErrorCode.NotXlsx, true) => "The file is not an Excel workbook (.xlsx). Upload the filled template, saved as an Excel Workbook (.xlsx).",
            (ImportErrorCode.LegacyXls, false) => "Tệp ở định dạng Excel 97-2003 (.xls). Hãy mở tệp, chọn Lưu thành (Save As) định dạng Excel Workbook (.xlsx) rồi tải lên lại.",
            (ImportErrorCode.LegacyXls, true) => "The file is in the Excel 97-2003 format (.xls). Open it, save it as an Excel Workbook (.xlsx) and upload that.",
            (ImportErrorCode.PasswordProtected, false) => "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu mở tệp, lưu lại rồi tải lên.",
            (ImportErrorCode.PasswordProtected, true) => "The file is password protected and cannot be read. Remove the password, save the file and upload it again.",
            (ImportErrorCode.DamagedFile, false) => "Tệp bị hỏng hoặc không đầy đủ (có thể do tải xuống hoặc sao chép bị gián đoạn). Hãy mở và lưu lại tệp rồi tải lên lần nữa.",
            (ImportErrorCode.DamagedFile, true) => "The file is damaged or incomplete (perhaps an interrupted download or copy). Open and save it again, then upload it.",
            (ImportErrorCode.ForbiddenXml, false) => $"Phần {found} của tệp chứa khai báo DOCTYPE/ENTITY, điều không có trong bảng tính bình thường; tệp không được đọc.",
            (ImportErrorCode.ForbiddenXml, true) => $"Part {found} of the file contains a DOCTYPE/ENTITY declaration, which no ordinary workbook has; the file was not read.",
            (ImportErrorCode.TooManyCells, false) => $"Bảng tính có hơn {N(issue.Limit)} ô dữ liệu, quá lớn đối với một bảng phân bổ; tệp không được đọc.",
            (ImportErrorCode.TooManyCells, true) => $"The workbook has more than {N(issue.Limit)} cells with data, too many for an allocation table; it was not read.",
            (ImportErrorCode.MissingHeader, false) => "Không tìm thấy dòng tiêu đề của bảng: cần các cột \"Tên đơn vị\" và \"Số lượng\" (và \"Mã đơn vị\" nếu có) trên cùng một dòng.",
            (ImportErrorCode.MissingHeader, true) => "The table's header row was not found: it needs the columns \"Tên đơn vị\" and \"Số lượng\" (and \"Mã đơn vị\" where codes are given) on one row.",
            (ImportErrorCode.EmptyTable, false) => "Bảng không có dòng nào có đơn vị và số lượng.",
            (ImportErrorCode.EmptyTable, true) => "The table has no row with a unit and a quantity.",
            (ImportErrorCode.WrongPlan, false) => $"Tệp là mẫu của kế hoạch khác (mã kế hoạch \"{found}\"), không phải kế hoạch đang nhập (mã {issue.Limit}). Hãy tải mẫu của kế hoạch này.",
            (ImportErrorCode.WrongPlan, true) => $"The file is the template of another plan (plan code \"{found}\"), not of this plan ({issue.Limit}). Download this plan's template.",
            (ImportErrorCode.WrongUnit, false) => issue.Unit is { } unit
                ? $"Tệp là mẫu phân bổ của {unit}, không phải của đơn vị đang nhập. Hãy tải mẫu của đơn vị mình."
                : $"Không nhận ra đơn vị phân bổ của tệp (mã đơn vị phân bổ \"{found}\"). Hãy tải mẫu của đơn vị mình.",
            (ImportErrorCode.WrongUnit, true) => issue.Unit is { } unit
                ? $"The file is the template of {unit}, not of the unit being imported. Download your own unit's template."
                : $"The file's allocating unit is not recognised (unit code \"{found}\"). Download your own unit's template.",
            (ImportErrorCode.FormulaNotAllowed, false) => "Ô số lượng chứa công thức. Hãy nhập trực tiếp con số: cổng thông tin không tính công thức khi nhập.",
            (ImportErrorCode.FormulaNotAllowed, true) => "The quantity cell holds a formula. Type the number itself: the portal does not evaluate formulas on import.",
            (ImportErrorCode.QuantityRequired, false) => "Chưa có số lượng. Nhập 0 nếu đơn vị không nhận bản quyền.",
            (ImportErrorCode.QuantityRequired, true) => "The quantity is missing. Enter 0 if the unit receives no licences.",
            (ImportErrorCode.QuantityNotANumber, false) => $"Số lượng phải là một số, ô đang chứa \"{found}\".",
            (ImportErrorCode.QuantityNotANumber, true) => $"The quantity must be a number; the cell holds \"{found}\".",
            (ImportErrorCode.QuantityNotWhole, false) => $"Số lượng phải là số nguyên, ô đang chứa {Figure()}.",
            (ImportErrorCode.QuantityNotWhole, true) => $"The quantity must be a whole number; the cell holds {Figure()}.",
            (ImportErrorCode.QuantityNegative, false) => $"Số lượng không được âm, ô đang chứa {Figure()}.",
            (ImportErrorCode.QuantityNegative, true) => $"The quantity cannot be negative; the cell holds {Figure()}.",
            (ImportErrorCode.QuantityTooLarge, false) => $"Số lượng quá lớn ({Figure()}).",
            (ImportErrorCode.QuantityTooLarge, true) => $"The quantity is too large ({Figure()}).",
            (ImportErrorCode.UnknownUnit, false) => issue.Field switch
            {
                ImportField.Code => $"Mã đơn vị \"{found}\" không thuộc các đơn vị được phân bổ trong tệp này.",
                ImportField.Name => $"Không có đơn vị nào tên \"{found}\" trong các đơn vị được phân bổ trong tệp này.",
                _ => "Dòng có số lượng nhưng không có mã và tên đơn vị.",
            },
            (ImportErrorCode.UnknownUnit, true) => issue.Field switch
            {
                ImportField.Code => $"Unit code \"{found}\" is not one of the units this file allocates to.",
                ImportField.Name => $"No unit named \"{found}\" is among the units this file allocates to.",
                _ => "The row has a quantity but neither a unit code nor a name.",
            },
            (ImportErrorCode.AmbiguousName, false) => $"Có nhiều đơn vị cùng tên \"{found}\"; hãy ghi mã đơn vị để phân biệt.",
            (ImportErrorCode.AmbiguousName, true) => $"Several units are named \"{found}\"; give the unit code to tell them apart.",
            (ImportErrorCode.CodeNameMismatch, false) => $"Mã đơn vị trên dòng này là của \"{issue.Unit}\", nhưng tên ghi là \"{found}\". Hãy kiểm tra lại dòng (có thể bảng đã bị sắp xếp lệch cột).",
            (ImportErrorCode.CodeNameMismatch, true) => $"The code on this row belongs to \"{issue.Unit}\", but the name reads \"{found}\". Check the row (the table may have been sorted one column only).",
            (ImportErrorCode.Refused, _) when issue.Refusal is { } refusal => issue.Unit is { } name
                ? $"{name}: {RefusalMessages.Describe(refusal, culture)}"
                : RefusalMessages.Describe(refusal, culture),
            _ => throw new ArgumentOutOfRangeException(nameof(issue), issue.Code, "Unknown import issue."),
        };
    }

    /// <summary>The machine-readable code of the API: <c>FormulaNotAllowed</c> becomes <c>formula-not-allowed</c>.</summary>
    public static string ApiCode(this ImportErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
