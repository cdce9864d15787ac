namespace Hub.Application.Common.Interfaces;

/// <summary>A request a recurring job sends on every tick: logged at Debug, so an idle hub writes no line every few seconds.</summary>
public interface IRoutineJobRequest;
