using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>The application on the most verbose log level, through the production redactor.</summary>
public sealed class VerboseLoggingApp : KangfuApp
{
    public CapturingLoggerProvider Capture { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override int DemoPersons => 20;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
        {
            builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
        }
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new RedactingLoggerProvider(Capture)));
    }
}

/// <summary>PIPL: no ID number, phone or searched name reaches the logs, even at Trace level.</summary>
public sealed class LogPrivacyTests(VerboseLoggingApp app) : IClassFixture<VerboseLoggingApp>
{
    [Fact]
    public async Task Searches_and_reveals_leave_no_identifier_in_the_logs()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "欧阳明华");
        using var client = await app.LoginAsync("community");
        await client.GetAsync($"/api/persons?q={person.IdNumber}");
        await client.GetAsync($"/api/persons?q={Uri.EscapeDataString(person.Name)}");
        await client.GetAsync($"/api/persons?q={person.CertificateNumber}");
        await client.PostAsync($"/api/persons/{person.Id}/reveal", null);
        await client.GetFromJsonAsync<object>($"/api/persons/{person.Id}");

        var log = string.Join('\n', app.Capture.Lines);
        Assert.Contains("/api/persons", log, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, log, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(person.Name), log, StringComparison.Ordinal);
    }
}
