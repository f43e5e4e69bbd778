using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Kangfu.Web.Modules.Subsidies.Cards;

public sealed record CardItemRow(Guid Id, Guid CaseId, string Item, string FundSource, decimal Approved, decimal Spent, decimal Balance, Guid Version);

public sealed record CardView(Guid Id, string Number, int Year, string PersonName, string MaskedIdNumber, DateOnly ValidFrom, DateOnly ValidTo,
    DateTime IssuedAt, IReadOnlyList<CardItemRow> Items)
{
    public decimal TotalApproved => Items.Sum(i => i.Approved);
    public decimal TotalBalance => Items.Sum(i => i.Balance);
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;
}

/// <summary>A service card in the user's scope; the print view is an audited sensitive read and carries the QR code.</summary>
public sealed class CardQuery(KangfuDbFactory dbFactory, AuditLog audit)
{
    /// <summary>The QR code encodes the verification address of the card number only (no ID number, no name).</summary>
    public static string VerificationPath(string number) => "/cards/verify/" + number;

    public async Task<CardView> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var card = await db.CardsVisibleTo(user).AsNoTracking().Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        return await ViewAsync(db, user, card, ct);
    }

    public async Task<CardView?> ByNumberAsync(UserContext user, string number, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var card = await db.CardsVisibleTo(user).AsNoTracking().Include(c => c.Items).FirstOrDefaultAsync(c => c.Number == number, ct);
        return card is null ? null : await ViewAsync(db, user, card, ct);
    }

    /// <summary>For printing: audited (打印服务卡), with the QR code as a PNG data URL.</summary>
    public async Task<(CardView Card, string QrDataUrl)> PrintAsync(UserContext user, Guid id, string baseUri, CancellationToken ct = default)
    {
        var card = await HandleAsync(user, id, ct);
        await audit.WriteAsync(user, AuditActions.Print, nameof(ServiceCard), card.Id.ToString(), "打印服务卡：" + card.Number, ct: ct);
        return (card, QrDataUrl(baseUri.TrimEnd('/') + VerificationPath(card.Number)));
    }

    public static string QrDataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    private static async Task<CardView> ViewAsync(KangfuDbContext db, UserContext user, ServiceCard card, CancellationToken ct)
    {
        var person = await db.Persons.Where(p => p.DistrictCode == card.DistrictCode && p.Id == card.PersonId).Select(p => new { p.Name, p.IdNumber }).FirstAsync(ct);
        var funds = await db.FundSources.Where(f => f.DistrictCode == card.DistrictCode).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var items = card.Items.OrderBy(i => i.Id)
            .Select(i => new CardItemRow(i.Id, i.CaseId, i.ServiceItemName, funds.GetValueOrDefault(i.FundSourceId, ""), i.ApprovedAmount, i.Spent, i.Balance, i.Version))
            .ToList();
        return new CardView(card.Id, card.Number, card.Year, user.IsInstitutionScoped ? Mask.Name(person.Name) : person.Name, Mask.IdNumber(person.IdNumber),
            card.ValidFrom, card.ValidTo, card.IssuedAt, items);
    }
}
