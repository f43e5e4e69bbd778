using Microsoft.Extensions.Logging.Console;

namespace Kangfu.Web.Platform.Logging;

public static class LoggingSetup
{
    /// <summary>Console logging through the redactor; configuration-based level filtering still applies.</summary>
    public static ILoggingBuilder AddKangfuLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole();
        var console = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(console);
        logging.Services.AddSingleton<ConsoleLoggerProvider>();
        logging.Services.AddSingleton<ILoggerProvider>(sp => new RedactingLoggerProvider(sp.GetRequiredService<ConsoleLoggerProvider>()));
        return logging;
    }
}
