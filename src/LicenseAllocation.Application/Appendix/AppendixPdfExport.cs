using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Application.Appendix;

/// <summary>
/// A plan's appendix as PDF, made from the same workbook <see cref="AppendixExport"/> gives (and under its access
/// rules): a draft's as its figures stand, marked "DỰ THẢO"; a published plan's from the workbook frozen at publication.
/// </summary>
public sealed class AppendixPdfExport(AppendixExport workbooks)
{
    public async Task<Outcome<byte[]>> GetPdfAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        var workbook = await workbooks.GetWorkbookAsync(caller, planId, cancellationToken);
        if (!workbook.Succeeded)
        {
            return workbook.Error;
        }

        using var content = new MemoryStream(workbook.Value.Content, writable: false);
        return AppendixPdf.Render(AppendixWorkbook.Read(content), draft: !workbook.Value.Frozen);
    }
}
