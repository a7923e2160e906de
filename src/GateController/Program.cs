Console.WriteLine("gate-controller");
