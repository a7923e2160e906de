namespace GateController.Vision.Camera;

public enum CameraState
{
    Starting,
    Connected,
    Reconnecting,
    Stopped,
}
