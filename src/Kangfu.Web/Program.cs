using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Reports;
using Kangfu.Web.Modules.ServiceRecords;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Cli;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Logging;
using Kangfu.Web.Platform.Privacy;

// "--demo" is a flag, not a key with a value: without "=true" the configuration would swallow the next argument (e.g. --urls).
var builder = WebApplication.CreateBuilder(args.Select(a => a == "--demo" ? "--demo=true" : a).ToArray());
builder.Logging.AddKangfuLogging();
// Run from the build output outside Development (the bench's app process in Production mode): serve blazor.web.js and
// MudBlazor's assets from their build-time locations, as Development does. Off by default; a published app never needs it.
if (builder.Configuration.GetValue<bool>("Kangfu:BuildOutputAssets"))
{
    builder.WebHost.UseStaticWebAssets();
}
builder.Services.AddKangfuPlatform();
builder.Services.AddFieldEncryption(builder.Configuration, builder.Environment);
builder.Services.AddKangfuData(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddAccess();
builder.Services.AddOrganization();
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddCatalog();
builder.Services.AddSurveys();
builder.Services.AddReferrals();
builder.Services.AddFollowUps();
builder.Services.AddSubsidies();
builder.Services.AddServiceRecords();
builder.Services.AddReports();

var app = builder.Build();
if (await KangfuCommands.TryRunAsync(app, args))
{
    return;
}
await KangfuStartup.PrepareAsync(app, args);
app.UseKangfuPlatform();
app.MapAccess();
app.MapAudit();
app.MapOrganization();
app.MapRegistry();
app.MapCatalog();
app.MapSurveys();
app.MapReferrals();
app.MapFollowUps();
app.MapSubsidies();
app.MapServiceRecords();
app.MapReports();
app.MapKangfuPages();
await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
