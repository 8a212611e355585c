import { Module } from '@nestjs/common';
import { ReliefController } from './relief.controller.js';
import { ReliefRepository } from './relief.repository.js';

@Module({ controllers: [ReliefController], providers: [ReliefRepository], exports: [ReliefRepository] })
export class ReliefModule {}
