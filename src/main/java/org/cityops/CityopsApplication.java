package org.cityops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * cityops — 城市综合管理服务平台. One Spring Modulith application; every direct sub-package is a module.
 */
@SpringBootApplication
@EnableScheduling
public class CityopsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CityopsApplication.class, args);
    }
}
