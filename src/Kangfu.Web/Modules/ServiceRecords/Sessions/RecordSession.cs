using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords.Sessions;

public sealed class SessionInput
{
    public DateOnly? Date { get; set; }
    public string? ProviderName { get; set; }
    public string? Content { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    /// <summary>Device hand-over only: product code of the device catalog and serial number.</summary>
    public string? DeviceCode { get; set; }
    public string? SerialNumber { get; set; }
}

/// <summary>服务记录 (session: date, provider, content, quantity × unit price) or 辅具交付 (hand-over of a catalog product).</summary>
public sealed class RecordSession(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(UserContext user, Guid caseId, SessionInput input, SessionKind kind = SessionKind.Session, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var c = await DeliveryScope.CaseAsync(db, user, caseId, Permission.ServiceDeliver, ct);
        var today = clock.Today();
        var errors = Validate(input, kind, today);
        string? productName = null;
        if (kind == SessionKind.Handover && !string.IsNullOrWhiteSpace(input.DeviceCode))
        {
            var code = input.DeviceCode.Trim();
            productName = await db.DeviceProducts.Where(p => p.DistrictCode == c.DistrictCode && p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (productName is null)
            {
                errors[nameof(input.DeviceCode)] = $"辅具目录中没有产品代码“{code}”";
            }
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        var session = new ServiceSession
        {
            DistrictCode = c.DistrictCode,
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            PersonId = c.PersonId,
            InstitutionId = user.InstitutionId!.Value,
            Kind = kind,
            Date = input.Date!.Value,
            ProviderName = input.ProviderName!.Trim(),
            Content = kind == SessionKind.Handover ? $"交付辅具：{productName}" + (string.IsNullOrWhiteSpace(input.Content) ? "" : "；" + input.Content.Trim()) : input.Content!.Trim(),
            Quantity = input.Quantity!.Value,
            UnitPrice = input.UnitPrice!.Value,
            Amount = decimal.Round(input.Quantity.Value * input.UnitPrice.Value, 2),
            DeviceCode = input.DeviceCode?.Trim(),
            SerialNumber = string.IsNullOrWhiteSpace(input.SerialNumber) ? null : input.SerialNumber.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = user.DisplayName,
        };
        db.ServiceSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    private static Dictionary<string, string> Validate(SessionInput input, SessionKind kind, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Date is not { } date || date > today)
        {
            errors[nameof(input.Date)] = "请填写服务日期（不能晚于今天）";
        }
        if (string.IsNullOrWhiteSpace(input.ProviderName))
        {
            errors[nameof(input.ProviderName)] = "请填写服务人员";
        }
        if (kind == SessionKind.Session && string.IsNullOrWhiteSpace(input.Content))
        {
            errors[nameof(input.Content)] = "请填写服务内容";
        }
        if (kind == SessionKind.Handover && string.IsNullOrWhiteSpace(input.DeviceCode))
        {
            errors[nameof(input.DeviceCode)] = "请填写交付的辅具产品代码";
        }
        if (input.Quantity is not { } q || q <= 0 || q > 1000)
        {
            errors[nameof(input.Quantity)] = "请填写数量（大于0）";
        }
        if (input.UnitPrice is not { } p || p < 0 || p > 1_000_000)
        {
            errors[nameof(input.UnitPrice)] = "请填写单价（不小于0）";
        }
        return errors;
    }
}
