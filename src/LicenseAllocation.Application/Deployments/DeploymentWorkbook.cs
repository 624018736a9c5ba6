using ClosedXML.Excel;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Domain.Deployments;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// The deployment picture as an Excel report printed as Decree 30 asks (<see cref="OfficialPrint"/>): one row per
/// unit, indented by its depth, with its own and its subtree's devices, licences, use and band (the devices whose
/// last-seen time the console did not give in a column of their own, never among the stale); then the unmapped groups.
/// </summary>
public static class DeploymentWorkbook
{
    private const int HeaderRow = 4;

    private static readonly string[] _headers =
    [
        "Mã", "Đơn vị", "Đang cài đặt", "Không kết nối", "Không rõ lần kết nối cuối", "Sản phẩm khác", "Phiên bản cũ", "Bản quyền", "Tỷ lệ sử dụng (%)", "Mức",
        "Cả khối: đang cài đặt", "Cả khối: bản quyền", "Cả khối: tỷ lệ (%)", "Cả khối: mức",
    ];

    private static readonly double[] _widths = [10, 44, 12, 12, 14, 12, 12, 12, 12, 10, 14, 14, 12, 10];

    public static void Write(DeploymentPictureView picture, Stream output)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Cai dat");
        sheet.Cell(1, 1).SetValue<string>("BÁO CÁO CÀI ĐẶT PHẦN MỀM PHÒNG, CHỐNG MÃ ĐỘC SO VỚI BẢN QUYỀN ĐƯỢC PHÂN BỔ");
        sheet.Cell(2, 1).SetValue<string>($"Số liệu máy chủ quản trị ngày {picture.Snapshot.TakenOn:dd/MM/yyyy} ({picture.Snapshot.MappingName})");
        sheet.Range(1, 1, 1, _headers.Length).Merge().Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        sheet.Range(2, 1, 2, _headers.Length).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        for (var c = 0; c < _headers.Length; c++)
        {
            sheet.Cell(HeaderRow, c + 1).SetValue<string>(_headers[c]);
            sheet.Column(c + 1).Width = _widths[c];
        }

        sheet.Row(HeaderRow).Style.Font.SetBold().Alignment.SetWrapText();
        var row = HeaderRow + 1;
        foreach (var unit in picture.Units)
        {
            sheet.Cell(row, 1).SetValue<string>(unit.Code ?? string.Empty);
            sheet.Cell(row, 2).SetValue<string>(new string(' ', unit.Depth * 3) + unit.Name);
            sheet.Cell(row, 3).SetValue(unit.Own.Installed);
            sheet.Cell(row, 4).SetValue(unit.Own.Stale);
            sheet.Cell(row, 5).SetValue(unit.Own.LastSeenUnknown);
            sheet.Cell(row, 6).SetValue(unit.Own.OtherProduct);
            sheet.Cell(row, 7).SetValue(unit.Own.Outdated);
            sheet.Cell(row, 8).SetValue(unit.Own.Licensed);
            Percent(sheet.Cell(row, 9), unit.Own.UsePercent);
            sheet.Cell(row, 10).SetValue<string>(BandName(unit.Own.Band));
            sheet.Cell(row, 11).SetValue(unit.Subtree.Installed);
            sheet.Cell(row, 12).SetValue(unit.Subtree.Licensed);
            Percent(sheet.Cell(row, 13), unit.Subtree.UsePercent);
            sheet.Cell(row, 14).SetValue<string>(BandName(unit.Subtree.Band));
            row++;
        }

        if (picture.UnmappedGroups.Count > 0)
        {
            row++;
            sheet.Cell(row++, 1).SetValue<string>("Nhóm chưa gắn đơn vị").Style.Font.SetBold();
            foreach (var group in picture.UnmappedGroups)
            {
                sheet.Cell(row, 2).SetValue<string>(group.Group);
                sheet.Cell(row, 3).SetValue(group.Devices);
                row++;
            }
        }

        sheet.Range(HeaderRow, 1, Math.Max(HeaderRow, HeaderRow + picture.Units.Count), _headers.Length).Style.Border.SetInsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        sheet.Columns(3, _headers.Length).Style.NumberFormat.SetFormat("#,##0");
        sheet.Column(9).Style.NumberFormat.SetFormat("0.00");
        sheet.Column(13).Style.NumberFormat.SetFormat("0.00");
        OfficialPrint.Apply(sheet, HeaderRow, XLPageOrientation.Landscape);
        OfficialPrint.Save(workbook, output);
    }

    private static void Percent(IXLCell cell, decimal? value)
    {
        if (value is { } percent)
        {
            cell.SetValue(percent);
        }
    }

    public static string BandName(UseBand band) => band switch
    {
        UseBand.Info => "Gần hết",
        UseBand.Warning => "Cảnh báo",
        UseBand.Critical => "Nghiêm trọng",
        _ => "Bình thường",
    };
}
