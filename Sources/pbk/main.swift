print("pbk")
